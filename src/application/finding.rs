//! How a condition was established: by the unit's own declaration (an
//! application), or by the bureau looking the unit up on another office's
//! list (名单, the bureau's 免申即享 run). A list nobody gave is a check
//! nobody made: it never passes a unit.

use crate::named::named;

/// An office's list of units excluded from the refund, matched by credit
/// code. Each stands in for one declaration of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ListKind {
    /// 严重失信主体名单 (Credit China, 发改).
    Dishonest,
    /// 僵尸企业名单 (工信).
    Zombie,
    /// 失业保险欠费单位 (the bureau's own arrears records).
    Arrears,
    /// 不符合产业结构调整政策的单位 (发改 / 工信).
    Industrial,
    /// 不符合环保政策的单位 (生态环境).
    Environmental,
}

named!(ListKind {
    Dishonest => "dishonest",
    Zombie => "zombie",
    Arrears => "arrears",
    Industrial => "industrial",
    Environmental => "environmental",
});

/// One condition as established.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// The unit's answer to the declaration's question (`true`: yes).
    Declared(bool),
    /// Looked up on `list`: `row` is the list's line naming the unit, or
    /// `None` when the unit is not on it.
    Listed { list: ListKind, row: Option<u64> },
    /// The list was not given: nobody checked.
    Unchecked(ListKind),
}

impl Finding {
    /// The answer to the declaration's question, where being on the list
    /// answers `on_list` (a list of the dishonest answers "seriously
    /// dishonest?" with yes, a list of non-compliant units answers
    /// "compliant?" with no); `None` when nobody checked.
    pub fn answer(self, on_list: bool) -> Option<bool> {
        match self {
            Finding::Declared(answer) => Some(answer),
            Finding::Listed { row: Some(_), .. } => Some(on_list),
            Finding::Listed { row: None, .. } => Some(!on_list),
            Finding::Unchecked(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_answers_the_question_it_stands_in_for_and_no_list_answers_nothing() {
        // "Is the unit seriously dishonest?" — on the list: yes.
        let on = Finding::Listed {
            list: ListKind::Dishonest,
            row: Some(7),
        };
        assert_eq!(on.answer(true), Some(true));
        // "Does it comply with industrial policy?" — not on the list: yes.
        let off = Finding::Listed {
            list: ListKind::Industrial,
            row: None,
        };
        assert_eq!(off.answer(false), Some(true));
        assert_eq!(Finding::Declared(false).answer(true), Some(false));
        assert_eq!(Finding::Unchecked(ListKind::Zombie).answer(true), None);
    }
}
