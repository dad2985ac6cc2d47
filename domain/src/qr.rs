//! QR codes of the résidences' join links, as SVG text the app can put on a full screen or a
//! printed door hanger. Drawing is the `qrcode` crate's; this module fixes the choices (error
//! correction, quiet zone, scaling) so that every code in the campaign scans the same way.

use crate::i18n::Locale;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// Why a text could not become a QR code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// A code of nothing would send a resident's phone nowhere.
    #[error("there is no link to put in the QR code")]
    Empty,
    #[error("the link is too long for a QR code ({bytes} bytes)")]
    TooLong { bytes: usize },
    #[error("the link cannot be put in a QR code ({reason})")]
    Unencodable { reason: String },
}

impl QrError {
    /// What the volunteer or coordinator reads instead of the code.
    pub fn text(&self, locale: Locale) -> &'static str {
        match (self, locale) {
            (QrError::Empty, Locale::Fr) => {
                "Aucun lien d'inscription n'est défini pour cette résidence."
            }
            (QrError::Empty, Locale::En) => "No join link is set for this residence.",
            (QrError::Empty, Locale::Ar) => "لم يتم تحديد رابط التسجيل لهذه الإقامة.",
            (QrError::TooLong { .. }, Locale::Fr) => {
                "Le lien d'inscription est trop long pour un code QR : raccourcissez-le."
            }
            (QrError::TooLong { .. }, Locale::En) => {
                "The join link is too long for a QR code: shorten it."
            }
            (QrError::TooLong { .. }, Locale::Ar) => {
                "رابط التسجيل طويل جدًا بالنسبة لرمز QR: يرجى تقصيره."
            }
            (QrError::Unencodable { .. }, Locale::Fr) => {
                "Ce lien d'inscription ne peut pas devenir un code QR."
            }
            (QrError::Unencodable { .. }, Locale::En) => {
                "This join link cannot be turned into a QR code."
            }
            (QrError::Unencodable { .. }, Locale::Ar) => {
                "لا يمكن تحويل رابط التسجيل هذا إلى رمز QR."
            }
        }
    }
}

/// A standalone SVG of `data`: black modules on white, the standard quiet zone of 4 modules, one
/// unit per module in the `viewBox` and no fixed size, so it fills whatever box the page gives
/// it. No XML prolog, so it can go straight into HTML.
///
/// Error correction "M" (15 % of the code can be lost): a door hanger gets folded and a tablet
/// screen reflects; "Q" or "H" would make the modules of a long link small for old phones.
pub fn qr_svg(data: &str) -> Result<String, QrError> {
    if data.trim().is_empty() {
        return Err(QrError::Empty);
    }
    let code =
        QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).map_err(|e| match e {
            qrcode::types::QrError::DataTooLong => QrError::TooLong { bytes: data.len() },
            other => QrError::Unencodable {
                reason: other.to_string(),
            },
        })?;
    let drawn = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // With one unit per module the crate writes the side length as a size in pixels too
    // (`width="37" height="37"`): dropped so that the viewBox alone decides the proportions.
    let side = code.width() + 2 * QUIET_ZONE_MODULES;
    let from_svg_tag = drawn.find("<svg").map_or(drawn.as_str(), |at| &drawn[at..]);
    Ok(from_svg_tag.replacen(&format!(r#" width="{side}" height="{side}""#), "", 1))
}

/// The light margin scanners need around the code, in modules (ISO/IEC 18004).
const QUIET_ZONE_MODULES: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    const JOIN_LINK: &str = "https://voisins.example.fr/rejoindre/residence-les-tilleuls";

    fn svg_tag(svg: &str) -> &str {
        &svg[..svg.find('>').expect("an opening tag")]
    }

    #[test]
    fn a_join_link_becomes_a_scalable_svg() {
        let svg = qr_svg(JOIN_LINK).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.trim_end().ends_with("</svg>"));
        let tag = svg_tag(&svg);
        assert!(
            tag.contains(r#"xmlns="http://www.w3.org/2000/svg""#),
            "{tag}"
        );
        assert!(!tag.contains("width=") && !tag.contains("height="), "{tag}");
        // 59 bytes need a version 4 code (33 modules), plus 4 quiet modules on each side.
        assert!(tag.contains(r#"viewBox="0 0 41 41""#), "{tag}");
        assert!(svg.contains(r##"fill="#000000""##) && svg.contains(r##"fill="#ffffff""##));
    }

    #[test]
    fn the_quiet_zone_stays_light() {
        let svg = qr_svg(JOIN_LINK).unwrap();
        let path = &svg[svg.find(" d=\"").unwrap() + 4..];
        let path = &path[..path.find('"').unwrap()];
        // Each dark module is drawn as "M{x} {y}h1v1H{x}V{y}": none may start in the margin.
        for module in path.split('M').filter(|m| !m.is_empty()) {
            let mut xy = module
                .split(['h', ' '])
                .take(2)
                .map(|n| n.parse::<usize>().unwrap());
            let (x, y) = (xy.next().unwrap(), xy.next().unwrap());
            assert!(
                (4..37).contains(&x) && (4..37).contains(&y),
                "module at {x},{y}"
            );
        }
    }

    #[test]
    fn the_same_link_always_draws_the_same_code() {
        assert_eq!(qr_svg(JOIN_LINK), qr_svg(JOIN_LINK));
        assert_ne!(
            qr_svg(JOIN_LINK),
            qr_svg("https://voisins.example.fr/autre")
        );
    }

    #[test]
    fn too_long_or_empty_links_are_refused_without_panicking() {
        let long = "https://voisins.example.fr/".to_owned() + &"a".repeat(4000);
        assert_eq!(qr_svg(&long), Err(QrError::TooLong { bytes: long.len() }));
        assert_eq!(qr_svg("  "), Err(QrError::Empty));
        assert!(QrError::Empty.text(Locale::Fr).contains("lien"));
        assert!(
            QrError::TooLong { bytes: 1 }
                .to_string()
                .contains("too long")
        );
    }
}
