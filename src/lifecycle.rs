//! The customer lifecycle (spec §10, §11): statuses, their V1 names, the
//! transitions between them, and which statuses accept an attach request.
//!
//! The provider documents the typical path (INCOMPLETE → PROCESSING →
//! REVIEWING → APPROVED | REJECTED | ACTION_REQUIRED | IN_COMPLIANCE); the
//! exact graph is an inference (spec §11, \[I\]) and is kept here, in one place.

/// A customer status, by its V2 name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Created; documents not yet attached.
    Incomplete,
    /// Documents attached, awaiting processing (V1: `QUEUED`).
    Processing,
    /// Under review.
    Reviewing,
    /// Verified.
    Approved,
    /// New documents needed (V1: `REINITIATE`).
    ActionRequired,
    /// Paused for compliance (V1: `ON_HOLD`).
    InCompliance,
    /// Rejected.
    Rejected,
}

/// Something that moves a customer from one status to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// The client attaches documents (`POST .../attach`).
    Attach,
    /// The provider starts reviewing the attached documents.
    StartReview,
    /// The review approves the customer.
    Approve,
    /// The review rejects the customer.
    Reject,
    /// The provider requests information (`customer.rfi`).
    RequestInformation,
    /// The provider pauses the customer for compliance.
    Hold,
    /// A compliance hold is lifted and the review goes on.
    Release,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 7] = [
        Status::Incomplete,
        Status::Processing,
        Status::Reviewing,
        Status::Approved,
        Status::ActionRequired,
        Status::InCompliance,
        Status::Rejected,
    ];

    /// Reads a V2 name or its V1 equivalent (`QUEUED`, `ON_HOLD`, `REINITIATE`).
    pub fn from_wire(s: &str) -> Option<Status> {
        Some(match s {
            "INCOMPLETE" => Status::Incomplete,
            "PROCESSING" | "QUEUED" => Status::Processing,
            "REVIEWING" => Status::Reviewing,
            "APPROVED" => Status::Approved,
            "ACTION_REQUIRED" | "REINITIATE" => Status::ActionRequired,
            "IN_COMPLIANCE" | "ON_HOLD" => Status::InCompliance,
            "REJECTED" => Status::Rejected,
            _ => return None,
        })
    }

    /// The V2 name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Incomplete => "INCOMPLETE",
            Status::Processing => "PROCESSING",
            Status::Reviewing => "REVIEWING",
            Status::Approved => "APPROVED",
            Status::ActionRequired => "ACTION_REQUIRED",
            Status::InCompliance => "IN_COMPLIANCE",
            Status::Rejected => "REJECTED",
        }
    }

    /// The V1 name.
    pub const fn v1_name(self) -> &'static str {
        match self {
            Status::Processing => "QUEUED",
            Status::ActionRequired => "REINITIATE",
            Status::InCompliance => "ON_HOLD",
            other => other.as_str(),
        }
    }

    /// Whether documents may be attached in this status (INCOMPLETE and
    /// ACTION_REQUIRED; re-attaching may switch the primary document type).
    pub const fn accepts_attach(self) -> bool {
        matches!(self, Status::Incomplete | Status::ActionRequired)
    }

    /// The status after `event`, or `None` where the event cannot happen.
    ///
    /// An RFI after APPROVED leaves the status unchanged (spec §11), so it is
    /// not a transition.
    pub const fn next(self, event: Event) -> Option<Status> {
        use Event::*;
        use Status::*;
        Some(match (self, event) {
            (Incomplete | ActionRequired, Attach) => Processing,
            (Processing | InCompliance, StartReview | Release) => Reviewing,
            (Reviewing | InCompliance, Approve) => Approved,
            (Reviewing | InCompliance, Reject) => Rejected,
            (Reviewing, RequestInformation) => ActionRequired,
            (Processing | Reviewing | Approved, Hold) => InCompliance,
            _ => return None,
        })
    }

    /// Whether some event moves a customer from `self` to `to`.
    pub fn can_become(self, to: Status) -> bool {
        const EVENTS: [Event; 7] = [
            Event::Attach,
            Event::StartReview,
            Event::Approve,
            Event::Reject,
            Event::RequestInformation,
            Event::Hold,
            Event::Release,
        ];
        EVENTS.iter().any(|&e| self.next(e) == Some(to))
    }
}

#[cfg(test)]
mod tests {
    use super::Event::*;
    use super::Status::*;
    use super::*;

    #[test]
    fn names_and_v1_aliases() {
        for s in Status::ALL {
            assert_eq!(Status::from_wire(s.as_str()), Some(s));
            assert_eq!(Status::from_wire(s.v1_name()), Some(s));
        }
        assert_eq!(Status::from_wire("QUEUED"), Some(Processing));
        assert_eq!(Status::from_wire("ON_HOLD"), Some(InCompliance));
        assert_eq!(Status::from_wire("REINITIATE"), Some(ActionRequired));
        assert_eq!(Status::from_wire("incomplete"), None);
        assert_eq!(Status::from_wire("ASSOCIATED_PARTIES_REMAINING"), None);
    }

    #[test]
    fn only_incomplete_and_action_required_accept_attach() {
        let accepting: Vec<Status> = Status::ALL.into_iter().filter(|s| s.accepts_attach()).collect();
        assert_eq!(accepting, [Incomplete, ActionRequired]);
        for s in Status::ALL {
            assert_eq!(s.next(Attach).is_some(), s.accepts_attach(), "{s:?}");
        }
    }

    /// Every (status, event) pair, spelled out.
    #[test]
    fn every_transition() {
        let table: [(Status, [Option<Status>; 7]); 7] = [
            // Attach, StartReview, Approve, Reject, RequestInformation, Hold, Release
            (Incomplete, [Some(Processing), None, None, None, None, None, None]),
            (Processing, [None, Some(Reviewing), None, None, None, Some(InCompliance), Some(Reviewing)]),
            (Reviewing, [None, None, Some(Approved), Some(Rejected), Some(ActionRequired), Some(InCompliance), None]),
            (Approved, [None, None, None, None, None, Some(InCompliance), None]),
            (ActionRequired, [Some(Processing), None, None, None, None, None, None]),
            (InCompliance, [None, Some(Reviewing), Some(Approved), Some(Rejected), None, None, Some(Reviewing)]),
            (Rejected, [None, None, None, None, None, None, None]),
        ];
        let events = [Attach, StartReview, Approve, Reject, RequestInformation, Hold, Release];
        for (from, row) in table {
            for (event, want) in events.iter().zip(row) {
                assert_eq!(from.next(*event), want, "{from:?} --{event:?}-->");
            }
        }
        assert!(Incomplete.can_become(Processing));
        assert!(!Incomplete.can_become(Approved));
        assert!(!Rejected.can_become(Incomplete));
        assert!(!Approved.can_become(ActionRequired), "an RFI after APPROVED leaves the status unchanged");
    }
}
