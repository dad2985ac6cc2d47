//! The landlord's everyday services: repairs, emergencies, the caretaker, rent. Numbers are the
//! campaign's settings; only the national emergency numbers are written out.

use super::{Entry, Topic, entry, says};

pub(super) fn entries() -> Vec<Entry> {
    vec![
        repair(),
        emergency(),
        caretaker(),
        rent(),
        rent_difficulty(),
        contact(),
        neighbours(),
    ]
}

fn repair() -> Entry {
    entry(
        "repair",
        Topic::LandlordServices,
        [
            says(
                "Qui appeler pour une réparation ?",
                &[
                    "J'ai une fuite d'eau chez moi",
                    "Le chauffage ne marche pas",
                    "L'ascenseur est en panne",
                    "Ma porte est cassée, je fais comment ?",
                    "Il y a de l'humidité sur mes murs",
                ],
                &["intervention", "plombier", "électricien", "sinistre"],
                "Pour une réparation dans votre logement ou dans l'immeuble, appelez \
                 {landlord} : {landlord_phone}. Vous pouvez aussi prévenir le gardien : \
                 {caretaker}. En cas de danger (incendie, odeur de gaz), sortez et appelez les \
                 pompiers : 18 ou 112.",
            ),
            says(
                "Quelque chose est cassé chez moi. Qui appeler ?",
                &[],
                &[],
                "Appelez {landlord}.\n\
                 Le numéro : {landlord_phone}.\n\
                 Vous pouvez aussi le dire au gardien.\n\
                 Il y a du feu ou une odeur de gaz ? Sortez.\n\
                 Appelez les pompiers : 18.",
            ),
            says(
                "Who do I call for a repair?",
                &[
                    "I have a water leak at home",
                    "The heating doesn't work",
                    "The lift is broken",
                    "My door is broken, what do I do?",
                    "There is damp on my walls",
                ],
                &["maintenance"],
                "For a repair in your home or in the building, call {landlord}: \
                 {landlord_phone}. You can also tell the caretaker: {caretaker}. If there is \
                 danger (fire, a smell of gas), get out and call the fire brigade: 18 or 112.",
            ),
            says(
                "بمن أتصل لإصلاح عطل؟",
                &[
                    "عندي تسرب ماء في البيت",
                    "التدفئة لا تعمل",
                    "المصعد معطل",
                    "بابي مكسور، ماذا أفعل؟",
                    "توجد رطوبة في الجدران",
                ],
                &["صيانة"],
                "لإصلاح شيء في مسكنك أو في العمارة، اتصل بخدمة الزبائن: {landlord_phone}. يمكنك \
                 أيضا إخبار الحارس: {caretaker}. في حالة الخطر (حريق، رائحة غاز)، اخرج واتصل \
                 برجال الإطفاء: 18 أو 112.",
            ),
        ],
    )
}

fn emergency() -> Entry {
    entry(
        "emergency",
        Topic::LandlordServices,
        [
            says(
                "Que faire en cas d'urgence, la nuit ou le week-end ?",
                &[
                    "Il y a le feu, qui appeler ?",
                    "Ça sent le gaz dans l'immeuble",
                    "Grosse fuite d'eau un dimanche, je fais quoi ?",
                    "Quelqu'un est bloqué dans l'ascenseur",
                ],
                &["pompiers", "samu", "astreinte"],
                "En cas de danger pour les personnes, appelez le 112 ; le 18 (pompiers) pour un \
                 incendie ou une odeur de gaz ; le 15 (SAMU) pour une personne malade ou blessée. \
                 Si ça sent le gaz : sortez sans allumer ni éteindre la lumière.\n\
                 Si quelqu'un est bloqué dans l'ascenseur : appuyez sur le bouton d'alarme de \
                 l'ascenseur.\n\
                 Pour une panne urgente la nuit, le week-end ou un jour férié (grosse fuite d'eau, \
                 plus de chauffage en hiver) : appelez {emergency_phone}.",
            ),
            says(
                "C'est urgent. Qui appeler ?",
                &[],
                &[],
                "Il y a du feu ou une odeur de gaz ?\n\
                 Sortez.\n\
                 Appelez les pompiers : 18.\n\
                 Une personne est malade ou blessée ?\n\
                 Appelez le 15.\n\
                 Une grosse panne la nuit ou le week-end ?\n\
                 Appelez {emergency_phone}.",
            ),
            says(
                "What do I do in an emergency, at night or at the weekend?",
                &[
                    "There's a fire, who do I call?",
                    "It smells of gas in the building",
                    "Big water leak on a Sunday, what do I do?",
                    "Someone is stuck in the lift",
                ],
                &["ambulance", "firefighters"],
                "If people are in danger, call 112; 18 (fire brigade) for a fire or a smell of \
                 gas; 15 (SAMU, ambulance) for someone ill or injured. If it smells of gas: get \
                 out without switching any light on or off.\n\
                 If someone is stuck in the lift: press the alarm button inside the lift.\n\
                 For an urgent breakdown at night, at the weekend or on a public holiday (a big \
                 water leak, no heating in winter): call {emergency_phone}.",
            ),
            says(
                "ماذا أفعل في حالة طارئة في الليل أو في عطلة نهاية الأسبوع؟",
                &[
                    "يوجد حريق، بمن أتصل؟",
                    "توجد رائحة غاز في العمارة",
                    "تسرب ماء كبير يوم الأحد، ماذا أفعل؟",
                    "شخص عالق في المصعد",
                ],
                &["إطفاء", "إسعاف"],
                "إذا كان هناك خطر على الأشخاص، اتصل بالرقم 112؛ أو بالرقم 18 (رجال الإطفاء) في \
                 حالة حريق أو رائحة غاز؛ أو بالرقم 15 (الإسعاف) لشخص مريض أو مصاب. إذا شممت \
                 رائحة غاز: اخرج دون أن تشعل الضوء أو تطفئه.\n\
                 إذا علق شخص في المصعد: اضغط على زر الإنذار داخل المصعد.\n\
                 لعطل مستعجل في الليل أو في عطلة نهاية الأسبوع أو يوم عطلة رسمية (تسرب ماء كبير، \
                 انقطاع التدفئة في الشتاء): اتصل على {emergency_phone}.",
            ),
        ],
    )
}

fn caretaker() -> Entry {
    entry(
        "caretaker",
        Topic::LandlordServices,
        [
            says(
                "Comment joindre le gardien ?",
                &[
                    "Où est la loge du gardien ?",
                    "Le gardien est là quand ?",
                    "Quels sont les horaires du gardien ?",
                    "J'ai besoin de voir la gardienne",
                ],
                &[],
                "Le gardien ou la gardienne : {caretaker}. Vous pouvez lui signaler un problème \
                 dans l'immeuble (propreté, éclairage, panne) et lui demander des renseignements \
                 sur la résidence.",
            ),
            says(
                "Où trouver le gardien ?",
                &[],
                &[],
                "Le gardien : {caretaker}.\n\
                 Vous pouvez lui dire s'il y a un problème dans l'immeuble.",
            ),
            says(
                "How do I reach the caretaker?",
                &[
                    "Where is the caretaker's office?",
                    "When is the caretaker there?",
                    "What are the caretaker's hours?",
                ],
                &["gardien"],
                "The caretaker (gardien): {caretaker}. You can report a problem in the building \
                 to them (cleaning, lighting, a breakdown) and ask them about the résidence.",
            ),
            says(
                "كيف أتواصل مع الحارس؟",
                &[
                    "أين مكتب الحارس؟",
                    "متى يكون الحارس موجودا؟",
                    "ما هي مواعيد الحارس؟",
                    "أحتاج أن أرى البواب",
                ],
                &["gardien"],
                "الحارس (gardien): {caretaker}. يمكنك أن تخبره بمشكلة في العمارة (النظافة، \
                 الإضاءة، عطل) وأن تسأله عن الإقامة.",
            ),
        ],
    )
}

fn rent() -> Entry {
    entry(
        "rent",
        Topic::LandlordServices,
        [
            says(
                "J'ai une question sur mon loyer ou mes charges",
                &[
                    "Où payer mon loyer ?",
                    "Je ne comprends pas mon avis d'échéance",
                    "Comment avoir une quittance de loyer ?",
                    "Mes charges ont augmenté, pourquoi ?",
                ],
                &["prélèvement", "virement", "régularisation"],
                "Pour une question sur votre loyer, vos charges, un paiement ou une quittance, \
                 contactez {rent_contact}. Gardez près de vous votre avis d'échéance : votre \
                 référence de locataire y est écrite.",
            ),
            says(
                "J'ai une question sur mon loyer.",
                &[],
                &[],
                "Contactez {rent_contact}.\n\
                 Gardez votre avis d'échéance près de vous.\n\
                 C'est la feuille qui dit combien vous payez chaque mois.",
            ),
            says(
                "I have a question about my rent or service charges",
                &[
                    "Where do I pay my rent?",
                    "I don't understand my rent notice",
                    "How do I get a rent receipt?",
                    "Why have my charges gone up?",
                ],
                &["direct debit", "transfer"],
                "For a question about your rent, your service charges, a payment or a rent \
                 receipt, contact {rent_contact}. Keep your rent notice (avis d'échéance) at \
                 hand: your tenant reference is written on it.",
            ),
            says(
                "عندي سؤال عن الإيجار أو المصاريف",
                &[
                    "أين أدفع الإيجار؟",
                    "لا أفهم إشعار الأداء",
                    "كيف أحصل على وصل الإيجار؟",
                    "لماذا زادت المصاريف؟",
                ],
                &["تحويل", "وصل"],
                "لأي سؤال عن الإيجار أو المصاريف أو الدفع أو وصل الإيجار، تواصل مع \
                 {rent_contact}. احتفظ بإشعار الأداء (avis d'échéance) قريبا منك: رقمك المرجعي \
                 كمستأجر مكتوب فيه.",
            ),
        ],
    )
}

fn rent_difficulty() -> Entry {
    entry(
        "rent_difficulty",
        Topic::LandlordServices,
        [
            says(
                "J'ai du mal à payer mon loyer",
                &[
                    "Je suis en retard de loyer, que faire ?",
                    "J'ai des dettes de loyer",
                    "Je ne peux plus payer le loyer ce mois-ci",
                    "Existe-t-il une aide pour payer le loyer ?",
                ],
                &["expulsion", "fsl"],
                "Parlez-en vite, avant que la dette grandisse : {rent_contact}. Des solutions \
                 existent, comme un plan pour payer petit à petit. Vous avez peut-être droit à \
                 une aide au logement de la CAF (www.caf.fr). Le centre social peut vous aider à \
                 faire les démarches.",
            ),
            says(
                "Je n'arrive pas à payer mon loyer.",
                &[
                    "Je n'ai pas assez d'argent pour payer le loyer.",
                    "Le loyer est trop cher pour moi.",
                ],
                &["dois", "dettes", "retard"],
                "Ne restez pas seul.\n\
                 Appelez vite {rent_contact}.\n\
                 Des solutions existent.\n\
                 Vous pouvez peut-être avoir une aide de la CAF.\n\
                 Le centre social peut vous aider.",
            ),
            says(
                "I'm struggling to pay my rent",
                &[
                    "I'm behind with my rent, what should I do?",
                    "I have rent arrears",
                    "I can't pay the rent this month",
                    "Is there help to pay the rent?",
                ],
                &["eviction", "benefit"],
                "Talk about it quickly, before the debt grows: {rent_contact}. Solutions exist, \
                 such as a plan to pay back little by little. You may be entitled to housing \
                 benefit from the CAF (www.caf.fr). The community centre can help you with the \
                 paperwork.",
            ),
            says(
                "أجد صعوبة في دفع الإيجار",
                &[
                    "تأخرت في دفع الإيجار، ماذا أفعل؟",
                    "علي ديون إيجار",
                    "لا أستطيع دفع الإيجار هذا الشهر",
                    "هل توجد مساعدة لدفع الإيجار؟",
                ],
                &["طرد"],
                "تحدث عن الأمر بسرعة قبل أن يكبر الدين: {rent_contact}. توجد حلول، مثل خطة للدفع \
                 شيئا فشيئا. قد يحق لك الحصول على مساعدة السكن من CAF (www.caf.fr). يمكن للمركز \
                 الاجتماعي أن يساعدك في الإجراءات.",
            ),
        ],
    )
}

fn contact() -> Entry {
    entry(
        "landlord_contact",
        Topic::LandlordServices,
        [
            says(
                "Comment contacter mon bailleur ?",
                &[
                    "Quel est le numéro de l'office HLM ?",
                    "Où est l'agence ?",
                    "Je veux parler à quelqu'un de l'organisme",
                ],
                &["accueil"],
                "Pour joindre {landlord} : {landlord_phone}. Pour une panne dans l'immeuble, \
                 vous pouvez aussi prévenir le gardien : {caretaker}.",
            ),
            says(
                "Comment appeler mon bailleur ?",
                &[],
                &[],
                "Le numéro de {landlord} : {landlord_phone}.\n\
                 Vous pouvez aussi parler au gardien.",
            ),
            says(
                "How do I contact my landlord?",
                &[
                    "What is the housing office's number?",
                    "Where is the agency?",
                    "I want to speak to someone from the landlord",
                ],
                &["reception"],
                "To reach {landlord}: {landlord_phone}. For a breakdown in the building, you can \
                 also tell the caretaker: {caretaker}.",
            ),
            says(
                "كيف أتصل بالجهة المؤجرة؟",
                &[
                    "ما هو رقم مكتب السكن؟",
                    "أين توجد الوكالة؟",
                    "أريد التحدث مع شخص من المؤجر",
                ],
                &["استقبال"],
                "للتواصل مع {landlord}: {landlord_phone}. لعطل في العمارة، يمكنك أيضا إخبار \
                 الحارس: {caretaker}.",
            ),
        ],
    )
}

fn neighbours() -> Entry {
    entry(
        "neighbour_trouble",
        Topic::LandlordServices,
        [
            says(
                "Mon voisin fait du bruit, que faire ?",
                &[
                    "Problème avec un voisin",
                    "Il y a du tapage la nuit",
                    "Mes voisins sont trop bruyants",
                ],
                &["nuisance", "dispute", "conflit", "police"],
                "Si vous le pouvez, parlez d'abord calmement avec votre voisin : souvent, il ne \
                 se rend pas compte du bruit. Si le problème continue, écrivez à {landlord} ou \
                 parlez-en au gardien : {caretaker}. Le bruit la nuit (tapage nocturne) est \
                 interdit : si c'est grave, vous pouvez appeler la police (17).",
            ),
            says(
                "Mon voisin fait trop de bruit.",
                &[],
                &[],
                "Parlez calmement avec votre voisin.\n\
                 Si le bruit continue, parlez au gardien.\n\
                 Vous pouvez aussi écrire à {landlord}.\n\
                 La nuit, le bruit est interdit.\n\
                 Si c'est grave, appelez la police : 17.",
            ),
            says(
                "My neighbour is noisy, what can I do?",
                &[
                    "Problem with a neighbour",
                    "Noise at night",
                    "My neighbours are too loud",
                ],
                &["nuisance", "dispute", "police"],
                "If you can, first talk calmly with your neighbour: often they do not realise how \
                 much noise they make. If it goes on, write to {landlord} or tell the caretaker: \
                 {caretaker}. Noise at night is forbidden: if it is serious, you can call the \
                 police (17).",
            ),
            says(
                "جاري يحدث ضجيجا، ماذا أفعل؟",
                &["مشكلة مع جار", "ضجيج في الليل", "جيراني مزعجون جدا"],
                &["خلاف", "شرطة"],
                "إن استطعت، تحدث أولا بهدوء مع جارك: غالبا لا ينتبه إلى الضجيج. إذا استمرت \
                 المشكلة، اكتب إلى {landlord} أو أخبر الحارس: {caretaker}. الضجيج في الليل ممنوع: \
                 إذا كان الأمر خطيرا، يمكنك الاتصال بالشرطة (17).",
            ),
        ],
    )
}
