//! Helpers shared by the property tests: editing JSON bodies by pointer.
//! (Pointers built by the tests never need escaping.)

use serde_json::Value;

pub fn split(ptr: &str) -> (&str, &str) {
    ptr.rsplit_once('/').expect("a member pointer")
}

pub fn set(j: &mut Value, ptr: &str, new: Value) {
    let (parent, key) = split(ptr);
    match j.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.insert(key.to_owned(), new);
        }
        Some(Value::Array(a)) => a[key.parse::<usize>().expect("index")] = new,
        _ => panic!("no container at {parent}"),
    }
}

pub fn remove(j: &mut Value, ptr: &str) {
    let (parent, key) = split(ptr);
    match j.pointer_mut(parent) {
        Some(Value::Object(m)) => {
            m.remove(key);
        }
        Some(Value::Array(a)) => {
            a.remove(key.parse::<usize>().expect("index"));
        }
        _ => panic!("no container at {parent}"),
    }
}

pub fn insert_item(j: &mut Value, array: &str, at: usize, new: Value) {
    match j.pointer_mut(array) {
        Some(Value::Array(a)) => a.insert(at, new),
        _ => panic!("no array at {array}"),
    }
}
