//! What the directory's tools say, in each interface language: the spreadsheet import and
//! export, archiving, and the "show archived" filter. One exhaustive `match` per text, like
//! `words`, so a missing translation does not compile. Counts are written "label : n" rather
//! than in sentences, so no plural rule is needed (Arabic has six).

use crate::i18n::Locale;

/// A text of the directory's tools; those with numbers or names carry them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolText {
    /// The link from the list to the import screen.
    ImportLink,
    ExportButton,
    /// After the download started: which file to look for.
    Exported {
        file: String,
    },
    ImportHeading,
    /// How a line finds the partner it updates: the stable key, said once on the screen.
    ImportHow,
    FileLabel,
    /// The encoding when it was not UTF-8, so the coordinator knows accents were read right.
    ReadAsWindows1252,
    SummaryHeading,
    New {
        count: usize,
    },
    Updated {
        count: usize,
    },
    Unchanged {
        count: usize,
    },
    LeftOut {
        count: usize,
    },
    ProblemsHeading {
        count: usize,
    },
    /// The button that records the plan, knowingly when some lines have problems.
    ImportValid {
        count: usize,
    },
    NothingToImport,
    Imported {
        new: usize,
        updated: usize,
    },
    /// Recording stopped part way: what was written stays, importing the file again finishes.
    ImportStopped {
        done: usize,
        total: usize,
        reason: String,
    },
    Archive,
    Restore,
    ArchivedBanner,
    ArchivedTag,
    ShowArchived,
    /// History lines: "Archivée par Karim — jeudi 26/11 à 10 h 05".
    ArchivedBy {
        who: String,
        when: String,
    },
    RestoredBy {
        who: String,
        when: String,
    },
}

impl ToolText {
    pub fn text(&self, locale: Locale) -> String {
        use ToolText as T;
        let plain = |fr: &str, en: &str, ar: &str| {
            match locale {
                Locale::Fr => fr,
                Locale::En => en,
                Locale::Ar => ar,
            }
            .to_owned()
        };
        let count = |label: String, n: usize| format!("{label}{n}");
        match self {
            T::ImportLink => plain(
                "Importer un tableur (CSV)",
                "Import a spreadsheet (CSV)",
                "استيراد جدول (CSV)",
            ),
            T::ExportButton => plain(
                "Exporter l'annuaire (CSV)",
                "Export the directory (CSV)",
                "تصدير الدليل (CSV)",
            ),
            T::Exported { file } => match locale {
                Locale::Fr => format!("Fichier enregistré dans les téléchargements : {file}"),
                Locale::En => format!("File saved to your downloads: {file}"),
                Locale::Ar => format!("حُفظ الملف في التنزيلات: {file}"),
            },
            T::ImportHeading => plain(
                "Importer des structures depuis un tableur",
                "Import organisations from a spreadsheet",
                "استيراد جهات من جدول",
            ),
            T::ImportHow => plain(
                "Fichier CSV avec une ligne de titres (« nom » au moins), séparé par « ; » comme \
                 l'enregistre Excel. Une ligne qui porte l'identifiant d'un export met à jour \
                 cette structure ; sans identifiant, la structure du même nom (majuscules et \
                 accents mis à part) est mise à jour ; sinon elle est ajoutée. Importer deux fois \
                 le même fichier ne crée donc pas de doublon. Rien n'est enregistré avant que \
                 vous confirmiez.",
                "A CSV file with a header line (at least \"nom\"), separated by \";\" as French \
                 Excel saves it. A line carrying the id from an export updates that \
                 organisation; without an id, the organisation with the same name (ignoring \
                 case and accents) is updated; otherwise it is added. Importing the same file \
                 twice therefore creates no duplicate. Nothing is recorded until you confirm.",
                "ملف CSV بسطر عناوين (« nom » على الأقل) مفصول بـ « ; » كما يحفظه Excel. \
                 السطر الذي يحمل معرّف تصدير سابق يحدّث تلك الجهة؛ وبدون معرّف تُحدَّث الجهة \
                 التي تحمل الاسم نفسه (بغض النظر عن الأحرف الكبيرة والنبرات)؛ وإلا تُضاف. لذلك \
                 لا يُنشئ استيراد الملف نفسه مرتين أي تكرار. لا يُسجَّل شيء قبل تأكيدك.",
            ),
            T::FileLabel => plain("Fichier CSV", "CSV file", "ملف CSV"),
            T::ReadAsWindows1252 => plain(
                "Fichier lu en Windows-1252 (ancien format d'Excel) : vérifiez les accents \
                 ci-dessous.",
                "File read as Windows-1252 (older Excel format): check the accents below.",
                "قُرئ الملف بترميز Windows-1252 (صيغة Excel القديمة): تحقّق من الحروف المشكولة أدناه.",
            ),
            T::SummaryHeading => plain(
                "Ce que l'import va faire",
                "What the import will do",
                "ما سيقوم به الاستيراد",
            ),
            T::New { count: n } => count(
                plain("Nouvelles structures : ", "New organisations: ", "جهات جديدة: "),
                *n,
            ),
            T::Updated { count: n } => count(
                plain(
                    "Structures mises à jour : ",
                    "Organisations updated: ",
                    "جهات ستُحدَّث: ",
                ),
                *n,
            ),
            T::Unchanged { count: n } => count(
                plain(
                    "Déjà à jour (rien à changer) : ",
                    "Already up to date (nothing to change): ",
                    "محدّثة أصلاً (لا تغيير): ",
                ),
                *n,
            ),
            T::LeftOut { count: n } => count(
                plain(
                    "Lignes laissées de côté : ",
                    "Lines left out: ",
                    "أسطر متروكة: ",
                ),
                *n,
            ),
            T::ProblemsHeading { count: n } => count(
                plain(
                    "Problèmes trouvés dans le fichier : ",
                    "Problems found in the file: ",
                    "مشكلات في الملف: ",
                ),
                *n,
            ),
            T::ImportValid { count: n } => match locale {
                Locale::Fr => format!("Importer les lignes valides ({n})"),
                Locale::En => format!("Import the valid lines ({n})"),
                Locale::Ar => format!("استيراد الأسطر الصالحة ({n})"),
            },
            T::NothingToImport => plain(
                "Rien à importer : ce fichier ne change rien à l'annuaire.",
                "Nothing to import: this file changes nothing in the directory.",
                "لا شيء للاستيراد: هذا الملف لا يغيّر شيئاً في الدليل.",
            ),
            T::Imported { new, updated } => match locale {
                Locale::Fr => format!(
                    "Import terminé. Nouvelles structures : {new} · mises à jour : {updated}."
                ),
                Locale::En => format!(
                    "Import finished. New organisations: {new} · updated: {updated}."
                ),
                Locale::Ar => {
                    format!("انتهى الاستيراد. جهات جديدة: {new} · جهات محدَّثة: {updated}.")
                }
            },
            T::ImportStopped {
                done,
                total,
                reason,
            } => match locale {
                Locale::Fr => format!(
                    "L'import s'est arrêté après {done} sur {total} ({reason}). Ce qui est \
                     enregistré est gardé : importez le même fichier à nouveau pour finir, \
                     sans doublon."
                ),
                Locale::En => format!(
                    "The import stopped after {done} of {total} ({reason}). What was recorded \
                     is kept: import the same file again to finish, without duplicates."
                ),
                Locale::Ar => format!(
                    "توقف الاستيراد بعد {done} من {total} (\u{2068}{reason}\u{2069}). ما سُجّل محفوظ: استورد \
                     الملف نفسه مرة أخرى لإكماله دون تكرار."
                ),
            },
            T::Archive => plain(
                "Archiver cette structure",
                "Archive this organisation",
                "أرشفة هذه الجهة",
            ),
            T::Restore => plain(
                "Remettre dans l'annuaire",
                "Put back in the directory",
                "إعادتها إلى الدليل",
            ),
            T::ArchivedBanner => plain(
                "Structure archivée : elle n'apparaît plus dans la recherche et ne reçoit plus \
                 d'orientations. Son historique est gardé.",
                "Archived organisation: it no longer shows in search and receives no more \
                 referrals. Its history is kept.",
                "جهة مؤرشفة: لم تعد تظهر في البحث ولا تستقبل توجيهات جديدة. سجلّها محفوظ.",
            ),
            T::ArchivedTag => plain("Archivée", "Archived", "مؤرشفة"),
            T::ShowArchived => plain(
                "Afficher aussi les structures archivées",
                "Also show archived organisations",
                "إظهار الجهات المؤرشفة أيضاً",
            ),
            T::ArchivedBy { who, when } => match locale {
                Locale::Fr => format!("Archivée par {who} {when}"),
                Locale::En => format!("Archived by {who} {when}"),
                Locale::Ar => format!("أرشفها {who} {when}"),
            },
            T::RestoredBy { who, when } => match locale {
                Locale::Fr => format!("Remise dans l'annuaire par {who} {when}"),
                Locale::En => format!("Put back in the directory by {who} {when}"),
                Locale::Ar => format!("أعادها {who} إلى الدليل {when}"),
            },
        }
        .trim_end()
        .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_said_in_every_language_with_its_numbers() {
        let texts = [
            ToolText::New { count: 3 },
            ToolText::ImportValid { count: 11 },
            ToolText::Imported { new: 2, updated: 5 },
            ToolText::ImportStopped {
                done: 4,
                total: 9,
                reason: "quota".into(),
            },
            ToolText::ArchivedBy {
                who: "Karim".into(),
                when: "le 26/11".into(),
            },
        ];
        for locale in Locale::ALL {
            for text in &texts {
                let said = text.text(locale);
                for number in ["3", "11", "2", "5", "4", "9", "Karim"] {
                    let carries = match text {
                        ToolText::New { .. } => number == "3",
                        ToolText::ImportValid { .. } => number == "11",
                        ToolText::Imported { .. } => ["2", "5"].contains(&number),
                        ToolText::ImportStopped { .. } => ["4", "9"].contains(&number),
                        _ => number == "Karim",
                    };
                    if carries {
                        assert!(said.contains(number), "{locale:?}: {said}");
                    }
                }
            }
            assert_ne!(
                ToolText::Archive.text(locale),
                ToolText::Restore.text(locale)
            );
        }
        assert_eq!(
            ToolText::ArchivedBy {
                who: "Karim".into(),
                when: String::new()
            }
            .text(Locale::Fr),
            "Archivée par Karim"
        );
    }
}
