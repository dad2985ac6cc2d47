//! What can be wrong in a directory file, said to a coordinator in plain words with the line
//! number the spreadsheet shows. Some problems cost the line (no partner is made of it), others
//! only a value (the partner is kept without it).

use crate::i18n::Locale;
use crate::partners::check::PartnerProblem;

/// A problem with the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Nothing but blanks: no header, no partner.
    Empty,
    /// No column holds the name, so no line can become a partner.
    NoNameColumn,
    /// Two columns claim the same thing; the first one is read.
    DuplicateColumn { header: String },
    /// A column this app does not know; it is left aside.
    UnknownColumn { header: String },
}

impl FileProblem {
    /// Whether nothing can be imported at all.
    pub fn blocks_import(&self) -> bool {
        matches!(self, FileProblem::Empty | FileProblem::NoNameColumn)
    }

    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (FileProblem::Empty, Locale::Fr) => "Le fichier est vide.".into(),
            (FileProblem::Empty, Locale::En) => "The file is empty.".into(),
            (FileProblem::Empty, Locale::Ar) => "الملف فارغ.".into(),
            (FileProblem::NoNameColumn, Locale::Fr) => {
                "Aucune colonne « nom » : la première ligne doit donner le nom des colonnes, dont « nom »."
                    .into()
            }
            (FileProblem::NoNameColumn, Locale::En) => {
                "No \"nom\" (name) column: the first line must name the columns, \"nom\" among them."
                    .into()
            }
            (FileProblem::NoNameColumn, Locale::Ar) => {
                "لا يوجد عمود «nom» (الاسم): يجب أن يذكر السطر الأول أسماء الأعمدة، ومنها «nom»."
                    .into()
            }
            (FileProblem::DuplicateColumn { header }, Locale::Fr) => {
                format!("La colonne « {header} » est en double : seule la première est lue.")
            }
            (FileProblem::DuplicateColumn { header }, Locale::En) => {
                format!("The column \"{header}\" appears twice: only the first one is read.")
            }
            (FileProblem::DuplicateColumn { header }, Locale::Ar) => {
                format!("العمود «{header}» مكرر: يُقرأ الأول فقط.")
            }
            (FileProblem::UnknownColumn { header }, Locale::Fr) => {
                format!("La colonne « {header} » n'est pas connue : elle est laissée de côté.")
            }
            (FileProblem::UnknownColumn { header }, Locale::En) => {
                format!("The column \"{header}\" is not known: it is left aside.")
            }
            (FileProblem::UnknownColumn { header }, Locale::Ar) => {
                format!("العمود «{header}» غير معروف: تم تجاهله.")
            }
        }
    }
}

/// A problem on one line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based, the header being line 1, as the spreadsheet numbers rows.
    pub line: usize,
    pub kind: LineProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblemKind {
    /// More values than columns (fewer are read as empty): a separator too many shifts
    /// every value after it into the wrong column.
    WrongFieldCount {
        expected: usize,
        found: usize,
    },
    UnclosedQuote,
    NameMissing,
    /// The "identifiant" column holds something else than an id this app wrote.
    BadId {
        value: String,
    },
    /// The same partner (same id, or same name) is already on `first_line`; the first is kept.
    Duplicate {
        first_line: usize,
    },
    /// The partner is kept as "Autre".
    UnknownKind {
        value: String,
    },
    /// The other themes are kept.
    UnknownTheme {
        value: String,
    },
    /// The other résidences are kept.
    UnknownResidence {
        value: String,
    },
    /// A value that breaks a rule of the form: the partner is kept without it. For the name, the
    /// line is left out.
    Value {
        problem: PartnerProblem,
    },
}

impl LineProblemKind {
    /// Whether no partner is made of the line.
    pub fn leaves_line_out(&self) -> bool {
        match self {
            LineProblemKind::WrongFieldCount { .. }
            | LineProblemKind::UnclosedQuote
            | LineProblemKind::NameMissing
            | LineProblemKind::BadId { .. }
            | LineProblemKind::Duplicate { .. } => true,
            LineProblemKind::Value { problem } => {
                problem.field() == crate::partners::PartnerField::Name
            }
            LineProblemKind::UnknownKind { .. }
            | LineProblemKind::UnknownTheme { .. }
            | LineProblemKind::UnknownResidence { .. } => false,
        }
    }

    pub fn text(&self, locale: Locale) -> String {
        match (self, locale) {
            (LineProblemKind::WrongFieldCount { expected, found }, Locale::Fr) => format!(
                "Cette ligne a {found} cases au lieu de {expected} : un séparateur « ; » est en trop. La ligne est laissée de côté."
            ),
            (LineProblemKind::WrongFieldCount { expected, found }, Locale::En) => format!(
                "This line has {found} fields instead of {expected}: there is one \";\" separator too many. The line is left out."
            ),
            (LineProblemKind::WrongFieldCount { expected, found }, Locale::Ar) => format!(
                "يحتوي هذا السطر على {found} خانة بدلًا من {expected}: هناك فاصل «;» زائد. تم ترك السطر."
            ),
            (LineProblemKind::UnclosedQuote, Locale::Fr) => {
                "Un guillemet « \" » est ouvert et jamais fermé : la suite du fichier n'est pas lisible.".into()
            }
            (LineProblemKind::UnclosedQuote, Locale::En) => {
                "A quote (\") is opened and never closed: the rest of the file cannot be read."
                    .into()
            }
            (LineProblemKind::UnclosedQuote, Locale::Ar) => {
                "علامة تنصيص (\") مفتوحة ولم تُغلق: لا يمكن قراءة بقية الملف.".into()
            }
            (LineProblemKind::NameMissing, Locale::Fr) => {
                "Le nom de la structure manque : la ligne est laissée de côté.".into()
            }
            (LineProblemKind::NameMissing, Locale::En) => {
                "The organisation's name is missing: the line is left out.".into()
            }
            (LineProblemKind::NameMissing, Locale::Ar) => "اسم الجهة ناقص: تم ترك السطر.".into(),
            (LineProblemKind::BadId { value }, Locale::Fr) => format!(
                "L'identifiant « {value} » n'a pas été écrit par l'application : videz la case pour ajouter la structure. La ligne est laissée de côté."
            ),
            (LineProblemKind::BadId { value }, Locale::En) => format!(
                "The id \"{value}\" was not written by the app: empty the cell to add the organisation. The line is left out."
            ),
            (LineProblemKind::BadId { value }, Locale::Ar) => format!(
                "المعرّف «{value}» لم يكتبه التطبيق: أفرغ الخانة لإضافة الجهة. تم ترك السطر."
            ),
            (LineProblemKind::Duplicate { first_line }, Locale::Fr) => format!(
                "Cette structure est déjà à la ligne {first_line} (même nom ou même identifiant) : seule la première est lue."
            ),
            (LineProblemKind::Duplicate { first_line }, Locale::En) => format!(
                "This organisation is already on line {first_line} (same name or same id): only the first is read."
            ),
            (LineProblemKind::Duplicate { first_line }, Locale::Ar) => format!(
                "هذه الجهة موجودة من قبل في السطر {first_line} (نفس الاسم أو نفس المعرّف): يُقرأ الأول فقط."
            ),
            (LineProblemKind::UnknownKind { value }, Locale::Fr) => format!(
                "Le type « {value} » n'est pas connu (centre social, régie de quartier, association, service municipal, autre) : la structure est classée « Autre »."
            ),
            (LineProblemKind::UnknownKind { value }, Locale::En) => format!(
                "The kind \"{value}\" is not known (centre social, régie de quartier, association, service municipal, autre): the organisation is filed as \"Other\"."
            ),
            (LineProblemKind::UnknownKind { value }, Locale::Ar) => format!(
                "النوع «{value}» غير معروف: تم تصنيف الجهة في «أخرى»."
            ),
            (LineProblemKind::UnknownTheme { value }, Locale::Fr) => format!(
                "Le thème « {value} » n'est pas dans la liste : il est laissé de côté, les autres thèmes sont gardés."
            ),
            (LineProblemKind::UnknownTheme { value }, Locale::En) => format!(
                "The theme \"{value}\" is not in the list: it is left out, the other themes are kept."
            ),
            (LineProblemKind::UnknownTheme { value }, Locale::Ar) => format!(
                "الموضوع «{value}» ليس في القائمة: تم تركه، واحتُفظ بالمواضيع الأخرى."
            ),
            (LineProblemKind::UnknownResidence { value }, Locale::Fr) => format!(
                "La résidence « {value} » n'est pas dans la campagne : elle est laissée de côté."
            ),
            (LineProblemKind::UnknownResidence { value }, Locale::En) => format!(
                "The résidence \"{value}\" is not in the campaign: it is left out."
            ),
            (LineProblemKind::UnknownResidence { value }, Locale::Ar) => format!(
                "الإقامة «{value}» ليست ضمن الحملة: تم تركها."
            ),
            (LineProblemKind::Value { problem }, _) => {
                let kept = self.leaves_line_out();
                let consequence = match (kept, locale) {
                    (true, Locale::Fr) => "La ligne est laissée de côté.",
                    (true, Locale::En) => "The line is left out.",
                    (true, Locale::Ar) => "تم ترك السطر.",
                    (false, Locale::Fr) => "La structure est gardée sans cette valeur.",
                    (false, Locale::En) => "The organisation is kept without this value.",
                    (false, Locale::Ar) => "احتُفظ بالجهة بدون هذه القيمة.",
                };
                format!("{} {consequence}", problem.text(locale))
            }
        }
    }
}

impl LineProblem {
    /// "Ligne 12 : le thème « bricolage » n'est pas dans la liste…"
    pub fn text(&self, locale: Locale) -> String {
        let line = self.line;
        let what = self.kind.text(locale);
        match locale {
            Locale::Fr => format!("Ligne {line} : {what}"),
            Locale::En => format!("Line {line}: {what}"),
            Locale::Ar => format!("السطر {line}: {what}"),
        }
    }
}
