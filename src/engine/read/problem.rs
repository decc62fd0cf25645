//! Why a row was skipped or one of its values not read: the typed problem,
//! where it was seen (line, column, value), and the report's groups of
//! them. The words a user reads about a row problem are written here.

use crate::engine::data::source::ColumnRole;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// How many example lines the report keeps for each kind of problem.
pub(crate) const EXAMPLES: usize = 5;
/// Example values are cut to this many bytes.
const VALUE_BYTES: usize = 80;

/// One row's problem, with what was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// Fewer fields than the header, and some named column is missing.
    TooFewFields {
        expected: usize,
        found: usize,
    },
    /// More fields than the header, and the extra ones hold data.
    TooManyFields {
        expected: usize,
        found: usize,
    },
    EmptyDate,
    UnreadableDate,
    /// A latitude or longitude that is not a number in range; left empty.
    UnreadableCoordinate {
        role: ColumnRole,
    },
    /// A count (fatalities, estimates, civilian deaths) left empty; read as 0.
    EmptyCount {
        role: ColumnRole,
    },
    /// A count that is not a whole number; read as 0.
    UnreadableCount {
        role: ColumnRole,
    },
}

/// The kind of a [`RowProblem`], without its data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    TooFewFields,
    TooManyFields,
    EmptyDate,
    UnreadableDate,
    UnreadableCoordinate,
    EmptyCount,
    UnreadableCount,
}

impl ProblemKind {
    /// A stable snake_case identifier (report JSON).
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::TooFewFields => "too_few_fields",
            ProblemKind::TooManyFields => "too_many_fields",
            ProblemKind::EmptyDate => "empty_date",
            ProblemKind::UnreadableDate => "unreadable_date",
            ProblemKind::UnreadableCoordinate => "unreadable_coordinate",
            ProblemKind::EmptyCount => "empty_count",
            ProblemKind::UnreadableCount => "unreadable_count",
        }
    }

    /// True when the row is skipped; otherwise only the value is lost.
    pub fn skips_row(self) -> bool {
        matches!(
            self,
            ProblemKind::TooFewFields
                | ProblemKind::TooManyFields
                | ProblemKind::EmptyDate
                | ProblemKind::UnreadableDate
        )
    }

    /// What a user can do about it, when there is something to say.
    pub fn hint(self) -> Option<String> {
        match self {
            ProblemKind::EmptyDate | ProblemKind::UnreadableDate => {
                Some(crate::t!("problem-hint-dates"))
            }
            ProblemKind::TooFewFields | ProblemKind::TooManyFields => {
                Some(crate::t!("problem-hint-fields"))
            }
            ProblemKind::UnreadableCoordinate
            | ProblemKind::EmptyCount
            | ProblemKind::UnreadableCount => None,
        }
    }
}

impl RowProblem {
    pub fn kind(self) -> ProblemKind {
        match self {
            RowProblem::TooFewFields { .. } => ProblemKind::TooFewFields,
            RowProblem::TooManyFields { .. } => ProblemKind::TooManyFields,
            RowProblem::EmptyDate => ProblemKind::EmptyDate,
            RowProblem::UnreadableDate => ProblemKind::UnreadableDate,
            RowProblem::UnreadableCoordinate { .. } => ProblemKind::UnreadableCoordinate,
            RowProblem::EmptyCount { .. } => ProblemKind::EmptyCount,
            RowProblem::UnreadableCount { .. } => ProblemKind::UnreadableCount,
        }
    }

    /// The role whose value is at fault; `None` for the row's shape.
    pub fn role(self) -> Option<ColumnRole> {
        match self {
            RowProblem::TooFewFields { .. } | RowProblem::TooManyFields { .. } => None,
            RowProblem::EmptyDate | RowProblem::UnreadableDate => Some(ColumnRole::Date),
            RowProblem::UnreadableCoordinate { role }
            | RowProblem::EmptyCount { role }
            | RowProblem::UnreadableCount { role } => Some(role),
        }
    }

    /// Problems the report counts together: the same kind, in the same role.
    pub(crate) fn same_group(self, other: RowProblem) -> bool {
        self.kind() == other.kind() && self.role() == other.role()
    }

    /// What is wrong, as a group heading ("too few fields (expected 31)").
    fn heading(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            RowProblem::TooFewFields { expected, .. } => {
                crate::t!("problem-too-few", expected = expected.to_string())
            }
            RowProblem::TooManyFields { expected, .. } => {
                crate::t!("problem-too-many", expected = expected.to_string())
            }
            RowProblem::EmptyDate => crate::t!("problem-empty-date"),
            RowProblem::UnreadableDate => crate::t!("problem-unreadable-date"),
            RowProblem::UnreadableCoordinate { role } => {
                crate::t!("problem-coordinate", column = role.name())
            }
            RowProblem::EmptyCount { role } => {
                crate::t!("problem-empty-count", column = role.name())
            }
            RowProblem::UnreadableCount { role } => {
                crate::t!("problem-unreadable-count", column = role.name())
            }
        };
        f.write_str(&text)
    }
}

/// One row's problem: "too few fields (expected 31, found 6)".
impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RowProblem::TooFewFields { expected, found } => f.write_str(&crate::t!(
                "problem-too-few-found",
                expected = expected.to_string(),
                found = found.to_string()
            )),
            RowProblem::TooManyFields { expected, found } => f.write_str(&crate::t!(
                "problem-too-many-found",
                expected = expected.to_string(),
                found = found.to_string()
            )),
            other => other.heading(f),
        }
    }
}

/// Where a problem was seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Example {
    /// The line the row starts on (1-based; the header is line 1).
    pub line: u64,
    /// The column at fault, 1-based, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// That column's name in the header, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// The value found (cut short), `(empty)`, or for the row's shape its
    /// number of fields.
    pub value: String,
}

impl Example {
    /// `column` is 0-based, as the parser counts; `header` is the file's.
    pub fn new(line: u64, column: Option<usize>, header: &[String], value: &[u8]) -> Example {
        let value = if value.is_empty() {
            crate::t!("problem-empty-value")
        } else {
            String::from_utf8_lossy(&value[..value.len().min(VALUE_BYTES)]).into_owned()
        };
        Example {
            line,
            column: column.map(|c| c + 1),
            column_name: column
                .and_then(|c| header.get(c))
                .filter(|name| !name.is_empty())
                .cloned(),
            value,
        }
    }

    /// "line 5", "line 5, column 2 (event_date)".
    pub fn place(&self) -> String {
        match (self.column, &self.column_name) {
            (Some(c), Some(name)) => crate::t!(
                "problem-place-named",
                line = self.line.to_string(),
                column = c.to_string(),
                name = name
            ),
            (Some(c), None) => crate::t!(
                "problem-place-column",
                line = self.line.to_string(),
                column = c.to_string()
            ),
            _ => crate::t!("problem-place-line", line = self.line.to_string()),
        }
    }
}

/// One kind of problem, how often it happened and where first.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The first occurrence; the others differ at most in the number of
    /// fields found.
    pub problem: RowProblem,
    pub count: u64,
    pub examples: Vec<Example>,
}

impl Problem {
    pub fn kind(&self) -> ProblemKind {
        self.problem.kind()
    }

    /// Counts `problem` in `list`, keeping the first few examples.
    pub fn note(list: &mut Vec<Problem>, problem: RowProblem, example: impl FnOnce() -> Example) {
        let i = match list.iter().position(|p| p.problem.same_group(problem)) {
            Some(i) => i,
            None => {
                list.push(Problem {
                    problem,
                    count: 0,
                    examples: Vec::new(),
                });
                list.len() - 1
            }
        };
        let group = &mut list[i];
        group.count += 1;
        if group.examples.len() < EXAMPLES {
            group.examples.push(example());
        }
    }
}

/// The group's heading: "the date did not parse".
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem.heading(f)
    }
}

/// `{"what": heading, "kind", "count", "examples"}`: the heading keeps the
/// report JSON readable as before.
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 4)?;
        s.serialize_field("what", &self.to_string())?;
        s.serialize_field("kind", self.kind().name())?;
        s.serialize_field("count", &self.count)?;
        s.serialize_field("examples", &self.examples)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_kind_and_role_and_keeps_five_examples() {
        let mut list = Vec::new();
        let header = vec!["id".to_string(), "when".to_string()];
        for line in 2..10 {
            Problem::note(&mut list, RowProblem::UnreadableDate, || {
                Example::new(line, Some(1), &header, b"soon")
            });
        }
        let few = |found| RowProblem::TooFewFields { expected: 2, found };
        Problem::note(&mut list, few(1), || {
            Example::new(10, None, &header, b"1 fields")
        });
        Problem::note(&mut list, few(0), || {
            Example::new(11, None, &header, b"0 fields")
        });
        let lat = RowProblem::UnreadableCoordinate {
            role: ColumnRole::Latitude,
        };
        let lon = RowProblem::UnreadableCoordinate {
            role: ColumnRole::Longitude,
        };
        Problem::note(&mut list, lat, || Example::new(12, None, &header, b""));
        Problem::note(&mut list, lon, || Example::new(12, None, &header, b""));
        let counts: Vec<(ProblemKind, u64, usize)> = list
            .iter()
            .map(|p| (p.kind(), p.count, p.examples.len()))
            .collect();
        assert_eq!(
            counts,
            vec![
                (ProblemKind::UnreadableDate, 8, 5),
                (ProblemKind::TooFewFields, 2, 2),
                (ProblemKind::UnreadableCoordinate, 1, 1),
                (ProblemKind::UnreadableCoordinate, 1, 1),
            ]
        );
        let first = &list[0].examples[0];
        assert_eq!(first.place(), "line 2, column 2 (when)");
        assert_eq!(first.value, "soon");
        assert_eq!(list[1].examples[1].place(), "line 11");
        assert_eq!(list[2].examples[0].value, "(empty)");
        assert_eq!(list[1].to_string(), "too few fields (expected 2)");
        assert_eq!(
            list[1].problem.to_string(),
            "too few fields (expected 2, found 1)"
        );
        assert_eq!(
            list[3].to_string(),
            "longitude (not a coordinate, left empty)"
        );
    }

    #[test]
    fn hints_belong_to_the_kinds_a_user_can_fix() {
        assert!(ProblemKind::UnreadableDate
            .hint()
            .is_some_and(|h| h.contains("2022-05-05")));
        assert!(ProblemKind::TooManyFields
            .hint()
            .is_some_and(|h| h.contains("separator")));
        assert_eq!(ProblemKind::EmptyCount.hint(), None);
        assert!(ProblemKind::EmptyDate.skips_row());
        assert!(!ProblemKind::UnreadableCount.skips_row());
    }
}
