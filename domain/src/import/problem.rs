//! What can be wrong with a dwelling file, and how to say it to a coordinator in plain words, in
//! each interface language. Line problems name the line as the spreadsheet numbers it; some cost
//! the line (it cannot become a door), others only a value (the door is kept without it).

use serde::{Deserialize, Serialize};

use super::mapping::{DuplicateColumn, Field, RequiredColumn};
use crate::i18n::Locale;

/// A problem on one line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    /// 1-based line of the file (the header is line 1 in most files).
    pub line: usize,
    pub kind: ProblemKind,
}

impl LineProblem {
    /// "Ligne 12 : l'étage « 3B » n'est pas lisible (attendu : RDC, 0, 1, -1…)."
    pub fn text(&self, locale: Locale) -> String {
        let line = self.line;
        let what = lowercase_first(&self.kind.text(locale));
        match locale {
            Locale::Fr => format!("Ligne {line} : {what}"),
            Locale::En => format!("Line {line}: {what}"),
            Locale::Ar => format!("السطر {line}: {what}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The line does not have as many fields as the header: a separator is missing or extra,
    /// and every value after it would land in the wrong column.
    WrongFieldCount {
        expected: usize,
        found: usize,
    },
    /// A quote opened on this line is never closed: the rest of the file is one field.
    UnclosedQuote,
    /// No street name, full address nor lieu-dit: nobody could find the door.
    MissingAddress,
    UnreadableFloor {
        value: String,
    },
    /// The same door (same landlord reference, or same address, entrance, floor and apartment)
    /// was already on `first_line`; the first one is kept.
    DuplicateDoor {
        first_line: usize,
    },
    /// The door is kept without its number of rooms.
    UnreadableRooms {
        value: String,
    },
    /// The door is kept without saying whether it is in a priority neighbourhood.
    UnreadableQpv {
        value: String,
    },
}

impl ProblemKind {
    /// Whether the line is left out of the import; otherwise only the value is.
    pub fn leaves_line_out(&self) -> bool {
        match self {
            ProblemKind::WrongFieldCount { .. }
            | ProblemKind::UnclosedQuote
            | ProblemKind::MissingAddress
            | ProblemKind::UnreadableFloor { .. }
            | ProblemKind::DuplicateDoor { .. } => true,
            ProblemKind::UnreadableRooms { .. } | ProblemKind::UnreadableQpv { .. } => false,
        }
    }

    /// The problem as a sentence, without the line number ([`LineProblem::text`] adds it).
    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (ProblemKind::WrongFieldCount { expected, found }, Locale::Fr) => format!(
                "Cette ligne a {found} cases au lieu de {expected} : un séparateur « ; » manque ou est en trop."
            ),
            (ProblemKind::WrongFieldCount { expected, found }, Locale::En) => format!(
                "This line has {found} fields instead of {expected}: a \";\" separator is missing or extra."
            ),
            (ProblemKind::WrongFieldCount { expected, found }, Locale::Ar) => format!(
                "يحتوي هذا السطر على {found} خانة بدلًا من {expected}: فاصل «;» ناقص أو زائد."
            ),
            (ProblemKind::UnclosedQuote, Locale::Fr) => {
                "Un guillemet « \" » est ouvert et jamais fermé : la suite du fichier n'est pas lisible.".into()
            }
            (ProblemKind::UnclosedQuote, Locale::En) => {
                "A quote (\") is opened and never closed: the rest of the file cannot be read."
                    .into()
            }
            (ProblemKind::UnclosedQuote, Locale::Ar) => {
                "علامة تنصيص (\") مفتوحة ولم تُغلق: لا يمكن قراءة بقية الملف.".into()
            }
            (ProblemKind::MissingAddress, Locale::Fr) => {
                "L'adresse manque (nom de la rue ou adresse complète).".into()
            }
            (ProblemKind::MissingAddress, Locale::En) => {
                "The address is missing (street name or full address).".into()
            }
            (ProblemKind::MissingAddress, Locale::Ar) => {
                "العنوان ناقص (اسم الشارع أو العنوان الكامل).".into()
            }
            (ProblemKind::UnreadableFloor { value }, Locale::Fr) => format!(
                "L'étage « {value} » n'est pas lisible (attendu : RDC, 0, 1, -1…)."
            ),
            (ProblemKind::UnreadableFloor { value }, Locale::En) => format!(
                "The floor \"{value}\" cannot be read (expected: RDC, 0, 1, -1…)."
            ),
            (ProblemKind::UnreadableFloor { value }, Locale::Ar) => format!(
                "لا يمكن قراءة الطابق «{value}» (المتوقع: RDC، 0، 1، -1…)."
            ),
            (ProblemKind::DuplicateDoor { first_line }, Locale::Fr) => format!(
                "Ce logement est déjà à la ligne {first_line} (même référence, ou même adresse, étage et porte)."
            ),
            (ProblemKind::DuplicateDoor { first_line }, Locale::En) => format!(
                "This dwelling is already on line {first_line} (same reference, or same address, floor and door)."
            ),
            (ProblemKind::DuplicateDoor { first_line }, Locale::Ar) => format!(
                "هذا المسكن موجود من قبل في السطر {first_line} (نفس المرجع، أو نفس العنوان والطابق والباب)."
            ),
            (ProblemKind::UnreadableRooms { value }, Locale::Fr) => format!(
                "Le nombre de pièces « {value} » n'est pas lisible (attendu : 3 ou T3) : la porte est gardée, sans son nombre de pièces."
            ),
            (ProblemKind::UnreadableRooms { value }, Locale::En) => format!(
                "The number of rooms \"{value}\" cannot be read (expected: 3 or T3): the door is kept, without its number of rooms."
            ),
            (ProblemKind::UnreadableRooms { value }, Locale::Ar) => format!(
                "لا يمكن قراءة عدد الغرف «{value}» (المتوقع: 3 أو T3): يُحتفظ بالباب بدون عدد الغرف."
            ),
            (ProblemKind::UnreadableQpv { value }, Locale::Fr) => format!(
                "La valeur QPV « {value} » n'est pas lisible (attendu : 1 ou 2) : la porte est gardée, sans cette information."
            ),
            (ProblemKind::UnreadableQpv { value }, Locale::En) => format!(
                "The QPV value \"{value}\" cannot be read (expected: 1 or 2): the door is kept, without this information."
            ),
            (ProblemKind::UnreadableQpv { value }, Locale::Ar) => format!(
                "لا يمكن قراءة قيمة QPV «{value}» (المتوقع: 1 أو 2): يُحتفظ بالباب بدون هذه المعلومة."
            ),
        }
    }
}

/// A problem with the whole file or its columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FileProblem {
    /// Nothing but blank lines.
    Empty,
    /// A header and no dwelling.
    NoDwellings,
    MissingColumn {
        required: RequiredColumn,
    },
    /// A given mapping points past the last column (it was made for another file); the field is
    /// not read.
    ColumnOutOfRange {
        field: Field,
        column: usize,
    },
    /// Two columns share a name; the first is read.
    DuplicateColumn(DuplicateColumn),
    /// Some doors have no apartment number nor landlord reference and share their floor: they are
    /// told apart by their order in the file, so the file must be re-imported in the same order.
    DoorsNumberedInFileOrder,
}

impl FileProblem {
    /// Whether nothing can be imported until the file or the mapping changes.
    pub fn blocks_import(&self) -> bool {
        match self {
            FileProblem::Empty | FileProblem::NoDwellings | FileProblem::MissingColumn { .. } => {
                true
            }
            FileProblem::ColumnOutOfRange { .. }
            | FileProblem::DuplicateColumn(_)
            | FileProblem::DoorsNumberedInFileOrder => false,
        }
    }

    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (FileProblem::Empty, Locale::Fr) => "Le fichier est vide.".into(),
            (FileProblem::Empty, Locale::En) => "The file is empty.".into(),
            (FileProblem::Empty, Locale::Ar) => "الملف فارغ.".into(),
            (FileProblem::NoDwellings, Locale::Fr) => {
                "Le fichier n'a que la ligne des titres : aucun logement à importer.".into()
            }
            (FileProblem::NoDwellings, Locale::En) => {
                "The file only has its header line: no dwelling to import.".into()
            }
            (FileProblem::NoDwellings, Locale::Ar) => {
                "يحتوي الملف على سطر العناوين فقط: لا يوجد أي مسكن للاستيراد.".into()
            }
            (FileProblem::MissingColumn { required }, Locale::Fr) => {
                format!("Il manque {}.", required.text(locale))
            }
            (FileProblem::MissingColumn { required }, Locale::En) => {
                format!("Missing: {}.", required.text(locale))
            }
            (FileProblem::MissingColumn { required }, Locale::Ar) => {
                format!("ينقص: {}.", required.text(locale))
            }
            (FileProblem::ColumnOutOfRange { field, column }, _) => {
                let (number, name) = (column + 1, field.label(locale));
                match locale {
                    Locale::Fr => format!(
                        "La colonne {number} choisie pour « {name} » n'existe pas dans ce fichier."
                    ),
                    Locale::En => format!(
                        "Column {number}, chosen for \"{name}\", does not exist in this file."
                    ),
                    Locale::Ar => {
                        format!("العمود {number} المختار لـ«{name}» غير موجود في هذا الملف.")
                    }
                }
            }
            (FileProblem::DuplicateColumn(duplicate), _) => {
                let name = &duplicate.name;
                let times = duplicate.columns.len();
                let columns = duplicate
                    .columns
                    .iter()
                    .map(|c| (c + 1).to_string())
                    .collect::<Vec<_>>()
                    .join(if locale == Locale::Ar { "، " } else { ", " });
                match locale {
                    Locale::Fr => format!(
                        "La colonne « {name} » apparaît {times} fois (colonnes {columns}) : Palier lit la première."
                    ),
                    Locale::En => format!(
                        "The column \"{name}\" appears {times} times (columns {columns}): Palier reads the first one."
                    ),
                    Locale::Ar => format!(
                        "العمود «{name}» يظهر {times} مرات (الأعمدة {columns}): يقرأ Palier الأول منها."
                    ),
                }
            }
            (FileProblem::DoorsNumberedInFileOrder, Locale::Fr) => {
                "Certaines portes n'ont ni numéro d'appartement ni référence de logement : sur un même étage, elles sont comptées dans l'ordre du fichier. Pour réimporter, gardez les lignes dans le même ordre.".into()
            }
            (FileProblem::DoorsNumberedInFileOrder, Locale::En) => {
                "Some doors have neither an apartment number nor a dwelling reference: on the same floor, they are counted in the order of the file. To import it again, keep the lines in the same order.".into()
            }
            (FileProblem::DoorsNumberedInFileOrder, Locale::Ar) => {
                "بعض الأبواب ليس لها رقم شقة ولا مرجع مسكن: في الطابق الواحد تُعدّ حسب ترتيب الملف. لإعادة الاستيراد، احتفظ بالأسطر بنفس الترتيب.".into()
            }
        }
    }
}

/// "L'étage…" → "l'étage…", to follow "Ligne 12 :". Arabic has no capitals and is unchanged.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_line_problem() -> Vec<ProblemKind> {
        vec![
            ProblemKind::WrongFieldCount {
                expected: 41,
                found: 12,
            },
            ProblemKind::UnclosedQuote,
            ProblemKind::MissingAddress,
            ProblemKind::UnreadableFloor { value: "3B".into() },
            ProblemKind::DuplicateDoor { first_line: 5 },
            ProblemKind::UnreadableRooms { value: "NC".into() },
            ProblemKind::UnreadableQpv { value: "?".into() },
        ]
    }

    #[test]
    fn a_floor_problem_reads_as_a_coordinator_would_say_it() {
        let problem = LineProblem {
            line: 12,
            kind: ProblemKind::UnreadableFloor { value: "3B".into() },
        };
        assert_eq!(
            problem.text(Locale::Fr),
            "Ligne 12 : l'étage « 3B » n'est pas lisible (attendu : RDC, 0, 1, -1…)."
        );
        assert_eq!(
            problem.text(Locale::En),
            "Line 12: the floor \"3B\" cannot be read (expected: RDC, 0, 1, -1…)."
        );
        assert!(problem.text(Locale::Ar).starts_with("السطر 12: "));
        assert!(problem.text(Locale::Ar).contains("«3B»"));
    }

    #[test]
    fn every_problem_speaks_every_language_and_names_its_values() {
        for kind in every_line_problem() {
            let texts: Vec<String> = Locale::ALL.iter().map(|&l| kind.text(l)).collect();
            for text in &texts {
                assert!(text.len() > 10, "{kind:?}: {text}");
                for value in ["3B", "NC", "41", "12", "5"] {
                    if format!("{kind:?}").contains(value) {
                        assert!(text.contains(value), "{kind:?}: {text}");
                    }
                }
            }
            assert_ne!(texts[0], texts[1]);
            assert_ne!(texts[1], texts[2]);
        }
    }

    #[test]
    fn only_value_problems_keep_the_line() {
        let kept: Vec<bool> = every_line_problem()
            .iter()
            .map(|k| !k.leaves_line_out())
            .collect();
        assert_eq!(kept, [false, false, false, false, false, true, true]);
    }

    #[test]
    fn file_problems_speak_every_language() {
        let problems = [
            FileProblem::Empty,
            FileProblem::NoDwellings,
            FileProblem::MissingColumn {
                required: RequiredColumn::Address,
            },
            FileProblem::ColumnOutOfRange {
                field: Field::Floor,
                column: 11,
            },
            FileProblem::DuplicateColumn(DuplicateColumn {
                name: "ETAGE".into(),
                columns: vec![1, 4],
            }),
            FileProblem::DoorsNumberedInFileOrder,
        ];
        for problem in &problems {
            for locale in Locale::ALL {
                assert!(problem.text(locale).len() > 10, "{problem:?} {locale:?}");
            }
        }
        assert_eq!(
            problems[3].text(Locale::Fr),
            "La colonne 12 choisie pour « Étage » n'existe pas dans ce fichier."
        );
        assert_eq!(
            problems[4].text(Locale::Fr),
            "La colonne « ETAGE » apparaît 2 fois (colonnes 2, 5) : Palier lit la première."
        );
        assert!(
            problems[2]
                .text(Locale::Fr)
                .starts_with("Il manque une colonne d'adresse")
        );
        let blocking: Vec<bool> = problems.iter().map(FileProblem::blocks_import).collect();
        assert_eq!(blocking, [true, true, true, false, false, false]);
    }
}
