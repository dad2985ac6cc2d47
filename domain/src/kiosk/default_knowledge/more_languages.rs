//! Spanish, Portuguese and Turkish for the most asked entries, in easy words, so that a resident
//! who chose those languages reads the answers they most often need in their own language; the
//! other entries are shown in French, and the kiosk says so (`KioskText::OnlyInFrench`).
//! Button names quoted here are those of `kiosk::words` in each language.

use super::{Entry, EntryText, KioskLanguage};

type Text = (&'static str, &'static [&'static str], &'static str);

/// Each entry's texts in Spanish, Portuguese and Turkish: question, other phrasings, answer.
const MORE: &[(&str, [Text; 3])] = &[
    (
        "app_what",
        [
            (
                "¿Qué es la aplicación del barrio?",
                &["¿Para qué sirve la aplicación?", "¿Qué es {app}?"],
                "Con {app}, los vecinos del barrio se ayudan desde su teléfono. Puede prestar y \
                 pedir prestadas cosas, pedir u ofrecer una mano, y seguir la vida del barrio. La \
                 aplicación es gratuita.",
            ),
            (
                "O que é a aplicação do bairro?",
                &["Para que serve a aplicação?", "O que é {app}?"],
                "Com {app}, os vizinhos do bairro ajudam-se pelo telemóvel. Pode emprestar e pedir \
                 emprestado objetos, pedir ou oferecer ajuda, e acompanhar a vida do bairro. A \
                 aplicação é gratuita.",
            ),
            (
                "Mahalle uygulaması nedir?",
                &["Uygulama ne işe yarar?", "{app} nedir?"],
                "{app} ile mahalle sakinleri telefonlarından birbirlerine yardım eder. Eşya \
                 ödünç verebilir ve alabilir, yardım isteyebilir veya yardım edebilir, mahalle \
                 hayatını takip edebilirsiniz. Uygulama ücretsizdir.",
            ),
        ],
    ),
    (
        "app_cost",
        [
            (
                "¿La aplicación cuesta dinero?",
                &["¿Es gratis?", "¿Hay que pagar por {app}?"],
                "No, la aplicación {app} es gratuita. No paga nada por instalarla ni por usarla. \
                 Solo necesita un teléfono con internet. Nadie debe pedirle dinero para \
                 inscribirse.",
            ),
            (
                "A aplicação custa dinheiro?",
                &["É grátis?", "É preciso pagar pela {app}?"],
                "Não, a aplicação {app} é gratuita. Não paga nada para a instalar nem para a usar. \
                 Só precisa de um telemóvel com internet. Ninguém lhe deve pedir dinheiro para se \
                 inscrever.",
            ),
            (
                "Uygulama paralı mı?",
                &["Ücretsiz mi?", "{app} için para ödemem gerekiyor mu?"],
                "Hayır, {app} uygulaması ücretsizdir. Yüklemek veya kullanmak için hiçbir şey \
                 ödemezsiniz. Sadece internetli bir telefon gerekir. Kayıt için kimse sizden para \
                 istememelidir.",
            ),
        ],
    ),
    (
        "app_join",
        [
            (
                "¿Cómo puedo unirme a la aplicación del barrio?",
                &[
                    "¿Cómo instalo la aplicación en mi teléfono?",
                    "¿Dónde descargo la aplicación?",
                ],
                "Dos maneras sencillas:\n\
                 1. Toque «Descubrir la aplicación»: aparece un código QR. Escanéelo con la cámara \
                 de su teléfono y siga los pasos.\n\
                 2. O toque «Inscribirme» y deje su nombre y su teléfono o su e-mail: alguien le \
                 contactará para ayudarle a instalar {app}.",
            ),
            (
                "Como faço o cadastro na aplicação do bairro?",
                &[
                    "Como instalo a aplicação no telemóvel?",
                    "Onde descarrego a aplicação?",
                ],
                "Duas maneiras simples:\n\
                 1. Toque em «Descobrir a aplicação»: aparece um código QR. Leia-o com a câmara do \
                 telemóvel e siga os passos.\n\
                 2. Ou toque em «Inscrever-me» e deixe o seu nome e o seu telefone ou e-mail: \
                 alguém vai contactá-lo para o ajudar a instalar {app}.",
            ),
            (
                "Mahalle uygulamasına nasıl katılırım?",
                &[
                    "Uygulamayı telefonuma nasıl yüklerim?",
                    "Uygulamayı nereden indiririm?",
                ],
                "İki kolay yol var:\n\
                 1. «Uygulamayı keşfet» düğmesine dokunun: bir QR kod çıkar. Telefonunuzun \
                 kamerasıyla okutun ve adımları izleyin.\n\
                 2. Ya da «Kaydol» düğmesine dokunun, adınızı ve telefonunuzu veya e-postanızı \
                 bırakın: {app} uygulamasını yüklemenize yardım etmek için biri sizi arayacak.",
            ),
        ],
    ),
    (
        "data_who_sees",
        [
            (
                "¿Quién ve mis datos?",
                &[
                    "¿Quién tiene acceso a mi información?",
                    "¿Van a vender mis datos?",
                ],
                "Solo el equipo de {landlord} que se ocupa de la vida en las residencias, y los \
                 voluntarios de esta campaña. Si usted acepta: el equipo de la aplicación {app} y \
                 la entidad que usted elija. Nadie más. Sus datos nunca se venden y se quedan en \
                 la Unión Europea.",
            ),
            (
                "Quem vê os meus dados?",
                &[
                    "Quem tem acesso às minhas informações?",
                    "Vão vender os meus dados?",
                ],
                "Só a equipa de {landlord} que cuida da vida nas residências, e os voluntários \
                 desta campanha. Se aceitar: a equipa da aplicação {app} e a entidade que \
                 escolher. Mais ninguém. Os seus dados nunca são vendidos e ficam na União \
                 Europeia.",
            ),
            (
                "Verilerimi kim görüyor?",
                &["Bilgilerime kim erişebilir?", "Verilerimi satacak mısınız?"],
                "Yalnızca {landlord} bünyesinde sitelerdeki yaşamla ilgilenen ekip ve bu \
                 kampanyanın gönüllüleri. Kabul ederseniz: {app} uygulamasının ekibi ve sizin \
                 seçtiğiniz kuruluş. Başka kimse. Verileriniz asla satılmaz ve Avrupa Birliği'nde \
                 kalır.",
            ),
        ],
    ),
    (
        "repair",
        [
            (
                "¿A quién llamo para una reparación?",
                &[
                    "Tengo una fuga de agua en casa",
                    "La calefacción no funciona",
                ],
                "Para una reparación en su casa o en el edificio, llame a {landlord}: \
                 {landlord_phone}. También puede avisar al conserje: {caretaker}. Si hay peligro \
                 (fuego, olor a gas), salga y llame a los bomberos: 18 o 112.",
            ),
            (
                "A quem ligo para uma reparação?",
                &[
                    "Tenho uma fuga de água em casa",
                    "O aquecimento não funciona",
                ],
                "Para uma reparação em casa ou no prédio, ligue para {landlord}: \
                 {landlord_phone}. Também pode avisar o porteiro: {caretaker}. Se houver perigo \
                 (fogo, cheiro a gás), saia e ligue para os bombeiros: 18 ou 112.",
            ),
            (
                "Bir tamir için kimi aramalıyım?",
                &["Evimde su sızıntısı var", "Kalorifer çalışmıyor"],
                "Evinizde veya binada bir tamir için {landlord} kurumunu arayın: \
                 {landlord_phone}. Kapıcıya da haber verebilirsiniz: {caretaker}. Tehlike varsa \
                 (yangın, gaz kokusu) dışarı çıkın ve itfaiyeyi arayın: 18 veya 112.",
            ),
        ],
    ),
    (
        "caretaker",
        [
            (
                "¿Cómo encuentro al conserje?",
                &[
                    "¿Cuándo está el conserje?",
                    "¿Cuál es el horario del conserje?",
                ],
                "El conserje (gardien): {caretaker}. Puede avisarle de un problema en el edificio \
                 (limpieza, luz, una avería) y preguntarle sobre la residencia.",
            ),
            (
                "Como encontro o porteiro?",
                &["Quando está o porteiro?", "Qual é o horário do porteiro?"],
                "O porteiro (gardien): {caretaker}. Pode avisá-lo de um problema no prédio \
                 (limpeza, luz, uma avaria) e fazer-lhe perguntas sobre a residência.",
            ),
            (
                "Kapıcıya nasıl ulaşırım?",
                &["Kapıcı ne zaman burada?", "Kapıcının çalışma saatleri ne?"],
                "Kapıcı (gardien): {caretaker}. Binadaki bir sorunu (temizlik, ışık, arıza) ona \
                 bildirebilir ve site hakkında soru sorabilirsiniz.",
            ),
        ],
    ),
    (
        "emergency",
        [
            (
                "¿Qué hago en caso de urgencia, de noche o el fin de semana?",
                &[
                    "Hay un incendio, ¿a quién llamo?",
                    "Huele a gas en el edificio",
                ],
                "Si hay personas en peligro, llame al 112; al 18 (bomberos) por un fuego o un olor \
                 a gas; al 15 (SAMU, ambulancia) por una persona enferma o herida. Si huele a gas: \
                 salga sin encender ni apagar ninguna luz.\n\
                 Para una avería urgente de noche, el fin de semana o un día festivo: llame a \
                 {emergency_phone}.",
            ),
            (
                "O que faço numa urgência, à noite ou ao fim de semana?",
                &["Há um incêndio, para quem ligo?", "Cheira a gás no prédio"],
                "Se houver pessoas em perigo, ligue 112; 18 (bombeiros) para um fogo ou um cheiro \
                 a gás; 15 (SAMU, ambulância) para uma pessoa doente ou ferida. Se cheirar a gás: \
                 saia sem acender nem apagar nenhuma luz.\n\
                 Para uma avaria urgente à noite, ao fim de semana ou num feriado: ligue para \
                 {emergency_phone}.",
            ),
            (
                "Gece veya hafta sonu acil bir durumda ne yapmalıyım?",
                &["Yangın var, kimi aramalıyım?", "Binada gaz kokusu var"],
                "İnsanlar tehlikedeyse 112'yi arayın; yangın veya gaz kokusu için 18'i (itfaiye); \
                 hasta veya yaralı biri için 15'i (SAMU, ambulans). Gaz kokusu varsa: hiçbir ışığı \
                 açıp kapatmadan dışarı çıkın.\n\
                 Gece, hafta sonu veya bayram günü acil bir arıza için: {emergency_phone}.",
            ),
        ],
    ),
    (
        "rent_difficulty",
        [
            (
                "Tengo deudas de alquiler, ¿qué hago?",
                &["No llego a pagar el alquiler"],
                "Hable de ello pronto, antes de que la deuda crezca: {rent_contact}. Hay \
                 soluciones, como un plan para pagar poco a poco. Quizás tenga derecho a una ayuda \
                 para la vivienda de la CAF (www.caf.fr). El centro social puede ayudarle con los \
                 trámites.",
            ),
            (
                "Tenho dificuldade em pagar a renda",
                &[
                    "Tenho rendas em atraso",
                    "Não consigo pagar a renda este mês",
                ],
                "Fale disso depressa, antes que a dívida cresça: {rent_contact}. Há soluções, como \
                 um plano para pagar aos poucos. Talvez tenha direito a uma ajuda para a habitação \
                 da CAF (www.caf.fr). O centro social pode ajudá-lo com os papéis.",
            ),
            (
                "Kiramı ödemekte zorlanıyorum",
                &["Kira borcum birikti", "Bu ay kirayı ödeyemiyorum"],
                "Borç büyümeden hemen konuşun: {rent_contact}. Çözümler var, örneğin azar azar \
                 ödeme planı. CAF'tan (www.caf.fr) konut yardımı alma hakkınız olabilir. Sosyal \
                 merkez işlemlerde size yardım edebilir.",
            ),
        ],
    ),
];

/// Adds the Spanish, Portuguese and Turkish texts to the entries that have them.
pub(super) fn add_to(entries: &mut [Entry]) {
    let langs = [KioskLanguage::Es, KioskLanguage::Pt, KioskLanguage::Tr];
    for (id, texts) in MORE {
        let Some(entry) = entries.iter_mut().find(|e| e.id == *id) else {
            continue;
        };
        for (lang, (q, also, a)) in langs.into_iter().zip(texts) {
            entry.texts.insert(
                lang,
                EntryText {
                    question: (*q).to_owned(),
                    phrasings: also.iter().map(|p| (*p).to_owned()).collect(),
                    keywords: Vec::new(),
                    answer: (*a).to_owned(),
                },
            );
        }
    }
}
