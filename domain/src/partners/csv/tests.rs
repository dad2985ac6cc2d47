//! The directory's file both ways: exact bytes, round trips (accents, `;`, quotes, line breaks,
//! formulas), and the line-level problems of a hand-made file.

use proptest::prelude::*;

use super::*;
use crate::i18n::Locale;
use crate::import::decode::Encoding;
use crate::partners::{ContactPerson, Directory, Partner, PartnerField, PartnerId, demo};
use crate::partners::{PartnerKind, PartnerProblem, Theme};
use crate::territory::{Residence, ResidenceId};

fn residences() -> Vec<Residence> {
    crate::demo_territory::territory().residences
}

fn tricky() -> Partner {
    Partner {
        name: "Association \"Les Amis; du Parc\" — Œuvre d'entraide".into(),
        kind: PartnerKind::Association,
        themes: [Theme::Alimentation, Theme::FleAsl, Theme::CultureLoisirs].into(),
        address: "12 bis, rue de l'Église ; 2e étage".into(),
        phone: "+33465710001".into(),
        email: "contact@amis-du-parc.example.org".into(),
        website: "https://amis-du-parc.example.org/agenda?x=1;y=2".into(),
        hours: "Lundi : 9 h – 12 h\nMardi : « fermé »\n\nJeudi ; vendredi : 14 h".into(),
        contacts: vec![
            ContactPerson {
                name: "Zoé Lefèvre-N'Diaye".into(),
                role: "Présidente; bénévole".into(),
                phone: "+442079460958".into(),
                email: "zoe@example.org".into(),
            },
            ContactPerson {
                name: "Ahmed".into(),
                ..ContactPerson::default()
            },
        ],
        residences: [residences()[0].id.clone()].into(),
        description: "=SOMME(A1:A3) n'est pas une formule ici.\n-- et « guillemets » \"doubles\""
            .into(),
        ..Partner::empty(PartnerId::from_random([0x77; 16]))
    }
}

fn round_trip(partners: &[Partner]) -> Vec<Partner> {
    let bytes = export(partners, &residences());
    let reading = read(&bytes, &residences());
    assert_eq!(reading.encoding, Encoding::Utf8WithBom);
    assert!(
        reading.is_clean(),
        "{:?} {:?}",
        reading.problems,
        reading.file_problems
    );
    reading
        .lines
        .into_iter()
        .map(|line| Partner::empty(line.id.unwrap()).with(line.fields))
        .collect()
}

#[test]
fn the_file_is_excel_french_semicolons_bom_crlf_and_doubled_quotes() {
    let partner = Partner {
        name: "Le \"Panier\"; solidaire".into(),
        kind: PartnerKind::Association,
        themes: [Theme::Alimentation, Theme::FleAsl].into(),
        phone: "+33465710020".into(),
        hours: "Mardi\nVendredi".into(),
        description: "+ de 300 familles".into(),
        ..Partner::empty(PartnerId::from_random([1; 16]))
    };
    let text = String::from_utf8(export(&[partner], &[])).unwrap();
    let expected = "\u{feff}nom;type;thèmes;adresse;téléphone;e-mail;site web;horaires;\
        résidences desservies;présentation;contact 1 nom;contact 1 fonction;\
        contact 1 téléphone;contact 1 e-mail;identifiant\r\n\
        \"Le \"\"Panier\"\"; solidaire\";Association;Alimentation, FLE / ASL;;04 65 71 00 20;;;\
        \"Mardi\r\nVendredi\";;'+ de 300 familles;;;;;01010101-0101-4101-8101-010101010101\r\n";
    assert_eq!(text, expected);
}

#[test]
fn a_round_trip_keeps_accents_separators_quotes_line_breaks_and_formulas() {
    let mut partners = demo::directory();
    partners.push(tricky());
    assert_eq!(round_trip(&partners), partners);
}

#[test]
fn values_starting_like_a_formula_or_an_apostrophe_come_back_as_typed() {
    for text in [
        "=1+1",
        "+ de 300",
        "-5 %",
        "@accueil",
        "'=",
        "'déjà cité'",
        "''x",
    ] {
        let partner = Partner {
            name: format!("Asso {text}"),
            description: text.into(),
            ..Partner::empty(PartnerId::from_random([3; 16]))
        };
        assert_eq!(round_trip(std::slice::from_ref(&partner)), [partner]);
    }
}

#[test]
fn archived_partners_are_not_exported() {
    let mut partners = demo::directory();
    partners[0].archived = true;
    let back = round_trip(&partners);
    assert_eq!(back.len(), 11);
    assert!(back.iter().all(|p| p.id != partners[0].id));
}

#[test]
fn re_importing_an_export_changes_nothing_and_one_cell_changes_one_field() {
    let events = demo::events();
    let directory = Directory::from_events(&events);
    let bytes = export(&directory.partners(), &residences());
    let reading = read(&bytes, &residences());
    let unchanged = plan(&reading.lines, &directory, || {
        unreachable!("no new partner")
    });
    assert_eq!(unchanged.edits, []);
    assert_eq!(unchanged.unchanged, 12);

    let text = String::from_utf8(bytes).unwrap();
    let edited = text.replace("Mardi et vendredi : 14 h – 18 h", "Mardi : 14 h – 18 h");
    let reading = read(edited.as_bytes(), &residences());
    let plan = plan(&reading.lines, &directory, || unreachable!());
    assert_eq!(plan.updated, 1);
    assert_eq!(plan.edits.len(), 1);
    assert_eq!(plan.edits[0].fields.set_fields(), [PartnerField::Hours]);
    assert_eq!(plan.edits[0].partner, demo::directory()[2].id);
}

#[test]
fn a_file_without_ids_matches_partners_by_name_and_adds_the_others() {
    let directory = Directory::from_events(&demo::events());
    let file = "Nom;Téléphone;Thèmes\r\n\
        CENTRE SOCIAL LES GLYCINES;04 65 71 99 99;\r\n\
        Jardins partagés du Parc;;Culture et loisirs, santé\r\n";
    let reading = read(file.as_bytes(), &residences());
    assert!(reading.is_clean(), "{:?}", reading.problems);
    let mut ids = (0..).map(|n| PartnerId::from_random([n; 16]));
    let plan = plan(&reading.lines, &directory, || ids.next().unwrap());
    assert_eq!((plan.created, plan.updated), (1, 1));
    let update = &plan.edits[0];
    assert_eq!(update.partner, demo::directory()[0].id);
    // Only the columns of the file, and only what differs: the themes were cleared by the
    // empty cell, the phone changed; the name is the same once case is set aside… but written
    // differently, so it is taken as the new spelling.
    assert_eq!(
        update.fields.set_fields(),
        [
            PartnerField::Name,
            PartnerField::Themes,
            PartnerField::Phone
        ]
    );
    let new = &plan.edits[1];
    assert_eq!(new.partner, PartnerId::from_random([0; 16]));
    assert_eq!(
        new.fields.set_fields(),
        PartnerField::ALL,
        "a new partner is written whole"
    );
    assert_eq!(
        new.fields.themes,
        Some([Theme::CultureLoisirs, Theme::Sante].into())
    );
    for edit in &plan.edits {
        assert_eq!(edit.check(), Ok(()));
    }
}

#[test]
fn each_problem_is_reported_on_its_line_in_plain_words() {
    let file = "nom;type;thèmes;téléphone;e-mail;résidences;identifiant;couleur;contact 1 nom;contact 1 téléphone\r\n\
        Centre social Nord;centre social;numérique, bricolage;04 65 71 00 01;;Résidence Les Tilleuls;;bleu;;\r\n\
        ;association;;;;;;;;\r\n\
        Épicerie Sud;supermarché;;06 12;pas-un-mail;Les Cèdres;;;Awa;0612\r\n\
        centre social nord;;;;;;;;;\r\n\
        Asso X;;;;;;pas-un-id;;;\r\n\
        Asso Y;;;;;;;;;;;en trop\r\n\
        Asso Z;autre\r\n\
        \"Asso \"\"W\"\";;;\r\n";
    let reading = read(file.as_bytes(), &residences());
    assert_eq!(
        reading.file_problems,
        [FileProblem::UnknownColumn {
            header: "couleur".into()
        }]
    );
    let said: Vec<String> = reading
        .problems
        .iter()
        .map(|p| p.text(Locale::Fr))
        .collect();
    assert_eq!(
        said,
        [
            "Ligne 2 : Le thème « bricolage » n'est pas dans la liste : il est laissé de côté, les autres thèmes sont gardés.",
            "Ligne 3 : Le nom de la structure manque : la ligne est laissée de côté.",
            "Ligne 4 : Le type « supermarché » n'est pas connu (centre social, régie de quartier, association, service municipal, autre) : la structure est classée « Autre ».",
            "Ligne 4 : Un numéro français a 10 chiffres (par exemple 06 12 34 56 78). Celui-ci en a 4. La structure est gardée sans cette valeur.",
            "Ligne 4 : Il manque le @ (par exemple prenom@exemple.fr). La structure est gardée sans cette valeur.",
            "Ligne 4 : Personne à contacter n° 1 : Un numéro français a 10 chiffres (par exemple 06 12 34 56 78). Celui-ci en a 4. La structure est gardée sans cette valeur.",
            "Ligne 4 : La résidence « Les Cèdres » n'est pas dans la campagne : elle est laissée de côté.",
            "Ligne 5 : Cette structure est déjà à la ligne 2 (même nom ou même identifiant) : seule la première est lue.",
            "Ligne 6 : L'identifiant « pas-un-id » n'a pas été écrit par l'application : videz la case pour ajouter la structure. La ligne est laissée de côté.",
            "Ligne 7 : Cette ligne a 12 cases au lieu de 10 : un séparateur « ; » est en trop. La ligne est laissée de côté.",
            "Ligne 9 : Un guillemet « \" » est ouvert et jamais fermé : la suite du fichier n'est pas lisible.",
        ]
    );
    let names: Vec<&str> = reading
        .lines
        .iter()
        .map(|l| l.fields.name.as_deref().unwrap())
        .collect();
    assert_eq!(names, ["Centre social Nord", "Épicerie Sud", "Asso Z"]);
    let sud = &reading.lines[1].fields;
    assert_eq!(sud.kind, Some(PartnerKind::Autre));
    assert_eq!(sud.phone, None, "a bad value leaves the field as it was");
    assert_eq!(sud.residences, Some(Default::default()));
    assert_eq!(sud.contacts.as_ref().unwrap()[0].phone, "");
    let nord = &reading.lines[0].fields;
    assert_eq!(nord.themes, Some([Theme::Numerique].into()));
    assert_eq!(nord.residences, Some([residences()[0].id.clone()].into()));
    assert_eq!(reading.lines_left_out(), 5);
    assert!(!reading.is_clean());
    // The same in English and Arabic, with the line number.
    assert!(reading.problems[1].text(Locale::En).starts_with("Line 3: "));
    assert!(
        reading.problems[1]
            .text(Locale::Ar)
            .starts_with("السطر 3: ")
    );
}

#[test]
fn files_that_cannot_be_read_say_so() {
    assert_eq!(read(b"", &[]).file_problems, [FileProblem::Empty]);
    assert_eq!(
        read(b"\xEF\xBB\xBF;;\r\n", &[]).file_problems,
        [FileProblem::Empty]
    );
    let reading = read("adresse;ville\r\n1 rue A;Lyon\r\n".as_bytes(), &[]);
    assert_eq!(
        reading.file_problems,
        [
            FileProblem::UnknownColumn {
                header: "ville".into()
            },
            FileProblem::NoNameColumn
        ]
    );
    assert!(reading.file_problems.iter().any(FileProblem::blocks_import));
    assert!(reading.lines.is_empty());
    for problem in &reading.file_problems {
        for locale in Locale::ALL {
            assert!(!problem.text(locale).is_empty());
        }
    }
}

#[test]
fn a_spreadsheet_saved_in_windows_1252_reads_the_same() {
    // "Régie;Thèmes" in Windows-1252, as an old Excel "CSV (séparateur : point-virgule)".
    let bytes = b"Nom;Th\xe8mes\r\nR\xe9gie de quartier;Emploi, Tranquillit\xe9\r\n";
    let reading = read(bytes, &[]);
    assert_eq!(reading.encoding, Encoding::Windows1252);
    assert_eq!(
        reading.lines[0].fields.name.as_deref(),
        Some("Régie de quartier")
    );
    assert_eq!(
        reading.lines[0].fields.themes,
        Some([Theme::Emploi, Theme::Tranquillite].into())
    );
}

#[test]
fn value_problems_keep_the_partner_but_name_problems_do_not() {
    let long = "x".repeat(crate::partners::partner::MAX_PARTNER_NAME_CHARS + 1);
    let file = format!("nom;site web\r\n{long};\r\nBon nom;pas un site\r\n");
    let reading = read(file.as_bytes(), &[]);
    assert_eq!(reading.lines.len(), 1);
    assert_eq!(reading.lines[0].fields.website, None);
    assert_eq!(
        reading.problems[1].kind,
        LineProblemKind::Value {
            problem: PartnerProblem::Website
        }
    );
    assert!(reading.problems[0].kind.leaves_line_out());
    assert!(!reading.problems[1].kind.leaves_line_out());
}

/// Text with what breaks naive CSV: separators, quotes, line breaks, formula starts, accents.
fn awkward_line() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàçœ0-9;\",'=+@ -]{1,20}".prop_filter_map("a name needs a letter", |s| {
        let tidy = crate::partners::tidy_line(&s);
        (!tidy.is_empty()).then_some(tidy)
    })
}

fn awkward_text() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàçœ0-9;\",'=+@ \n-]{0,40}".prop_map(|s| crate::partners::tidy_text(&s))
}

proptest! {
    #[test]
    fn any_names_and_texts_survive_the_round_trip(
        rows in prop::collection::vec((awkward_line(), awkward_text(), awkward_text()), 1..5),
    ) {
        let mut seen = std::collections::HashSet::new();
        let partners: Vec<Partner> = rows
            .into_iter()
            .enumerate()
            .filter(|(_, (name, _, _))| seen.insert(crate::partners::fold(name)))
            .map(|(i, (name, hours, description))| Partner {
                name,
                hours,
                description,
                themes: [Theme::ALL[i % 12]].into(),
                residences: [ResidenceId("res-x".into())].into_iter().take(i % 2).collect(),
                ..Partner::empty(PartnerId::from_random([i as u8; 16]))
            })
            .filter(|p| !crate::partners::fold(&p.name).is_empty())
            .collect();
        let known = [Residence {
            id: ResidenceId("res-x".into()),
            name: "Résidence \"X\"; bis".into(),
            ..residences()[0].clone()
        }];
        let bytes = export(&partners, &known);
        let reading = read(&bytes, &known);
        prop_assert!(reading.is_clean(), "{:?}", reading.problems);
        let back: Vec<Partner> = reading
            .lines
            .into_iter()
            .map(|l| Partner::empty(l.id.unwrap()).with(l.fields))
            .collect();
        prop_assert_eq!(back, partners);
    }
}

#[test]
fn the_export_is_named_after_the_day_it_was_made() {
    let day = crate::calendar::LocalDate::new(2026, 3, 7).unwrap();
    assert_eq!(file_name(day), "partenaires-2026-03-07.csv");
}

#[test]
fn re_importing_a_file_without_ids_adds_nothing_the_second_time() {
    // A hand-made file (no "identifiant" column): the first import adds two partners, the
    // second finds them by name and records nothing.
    let mut events = demo::events();
    let file = "nom;thèmes;téléphone\r\nMaison des familles;Parentalité;04 65 71 12 34\r\n\
        Atelier vélo solidaire;Culture et loisirs;\r\n";
    let first = {
        let directory = Directory::from_events(&events);
        let reading = read(file.as_bytes(), &residences());
        let mut n = 0u8;
        plan(&reading.lines, &directory, || {
            n += 1;
            PartnerId::from_random([0xA0 + n; 16])
        })
    };
    assert_eq!((first.created, first.updated), (2, 0));
    let mut recorder = crate::event::Recorder::new(crate::partners::tests::device(9));
    for edit in first.edits {
        events.push(crate::partners::tests::record(
            &mut recorder,
            crate::partners::tests::NOW,
            crate::event::EventBody::PartnerEdited(edit),
        ));
    }
    let directory = Directory::from_events(&events);
    assert_eq!(directory.partners().len(), 14);
    let again = plan(
        &read(file.as_bytes(), &residences()).lines,
        &directory,
        || unreachable!("nothing is new the second time"),
    );
    assert_eq!(again.edits, []);
    assert_eq!(again.unchanged, 2);
}

#[test]
fn an_exported_file_imported_after_an_archiving_leaves_the_partner_archived() {
    // Exported on Monday, the partner archived on Tuesday, the file re-imported on Wednesday:
    // the file has no "archived" column, so it cannot bring the partner back by accident.
    let mut events = demo::events();
    let bytes = export(&Directory::from_events(&events).partners(), &residences());
    let glycines = demo::directory()[0].id.clone();
    let mut recorder = crate::event::Recorder::new(crate::partners::tests::device(9));
    events.push(crate::partners::tests::record(
        &mut recorder,
        crate::partners::tests::NOW,
        crate::event::EventBody::PartnerEdited(crate::partners::PartnerEdit::archive(
            glycines.clone(),
            true,
        )),
    ));
    let directory = Directory::from_events(&events);
    let again = plan(&read(&bytes, &residences()).lines, &directory, || {
        unreachable!("every line has its id")
    });
    assert_eq!(again.edits, []);
    assert!(directory.partner(&glycines).unwrap().archived);
}
