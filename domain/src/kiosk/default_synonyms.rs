//! The words residents use for the same thing, across the kiosk's languages, SMS spellings and
//! the Arabic of the Maghreb and the Levant as people type it. One group per idea; a word belongs
//! to one group only (the knowledge base's check refuses a word in two). Coordinators add their
//! local words ("la loge", a résidence's nickname) in the editor.

/// Each group is one idea, its words separated by spaces, written as residents write them;
/// folding takes care of case and accents.
const GROUPS: &[&str] = &[
    // What it costs.
    "combien cb cbn cmb prix coût coûte coûter payant payante payer paye paie gratuit \
     gratuite gratos argent euro tarif abonnement frais cher cost price pay paid free money \
     fee much كم بكم سعر ثمن تكلفة مجاني مجانا مجانية يدفع ادفع دفع فلوس نقود مال فابور بلاش \
     ببلاش cuesta cuánto precio gratis gratuito pagar dinero coste costo custa quanto preço \
     pago dinheiro custo ücret ücretli ücretsiz fiyat kaç bedava parasız paralı اشتراك",
    // The neighbourhood app.
    "application appli app logiciel plateforme réseau platform تطبيق برنامج ابليكاسيون \
     aplicación aplicativo aplicação uygulama uygulaması",
    // The neighbourhood and the neighbours.
    "quartier voisin voisine voisinage résidence cité neighbourhood neighborhood neighbour \
     neighbor estate حي الحي جيران جار barrio vecino vizinho bairro mahalle komşu komşular",
    // Joining, signing up.
    "inscrire inscris inscrit inscrite inscription rejoindre adhérer participer créer compte \
     enregistrer join sign signup register registration subscribe account enrol enroll اشترك \
     تسجيل سجل اسجل انضم انضمام حساب inscribir inscribirme registrarme registro unirme cuenta \
     inscrever cadastro cadastrar registar conta kayıt kaydol üye üyelik katılmak katıl \
     katılırım hesap",
    // Installing on a phone.
    "installer installe télécharger télécharge install download تحميل تنزيل تثبيت نزل \
     descargar instalar baixar indir yükle yüklemek kurmak اثبت احمل ثبت",
    // Personal data.
    "données donnée informations info renseignements perso personnelles personnelle \
     confidentialité privée rgpd data privacy personal details بيانات معلومات معطيات خصوصية \
     datos información شخصية privacidad dados informações privacidade veri veriler bilgi \
     bilgiler bilgilerim gizlilik kişisel",
    // Seeing, sharing, selling data.
    "voit voir voient accès consulter partager partage partagées vendre vendu vendues \
     transmettre transmis see sees access share shared sell sold يرى يري يطلع يشوف يشاهد \
     مشاركة بيع يبيع تباع ver compartir vender venden acceso veem partilhar compartilhar \
     vendem görüyor görür görebilir paylaş paylaşılıyor satılıyor satmak اطلاع vendez vend \
     vendent",
    // Erasing, withdrawing, unsubscribing.
    "effacer efface supprimer supprime suppression effacement retirer désinscrire \
     désinscription désabonner enlever arrêter oublier delete erase remove unsubscribe \
     withdraw stop حذف احذف مسح امسح الغاء الغي ايقاف borrar eliminar baja apagar excluir \
     cancelar sil silmek silin silinmesi iptal سحب اسحب",
    // Rights and complaints.
    "droit cnil loi plainte réclamation rights right law complaint complain حق حقوق شكوى \
     شكاية قانون derecho derechos queja direito direitos reclamação hak haklar haklarım \
     hakkım şikayet اشتكي نشتكي",
    // Something broken, a repair.
    "réparation réparer réparé répare panne cassé casse cassée fuite fuit dégât abîmé marche \
     fonctionne bloqué bouché moisissure humidité travaux repair fix broken broke leak \
     leaking damage damaged mould mold damp working اصلاح تصليح صيانة عطل عطب معطل خراب خربان \
     مكسور تسرب تسريب رطوبة reparar reparación avería roto rota fuga funciona humedad \
     arreglar conserto consertar avaria quebrado quebrada vazamento humidade tamir arıza \
     bozuk kırık sızıntı çalışmıyor onarım تعمل يعمل يشتغل تشتغل ferme خدام خدامش \
     blocked clogged مسدود",
    // The things in a home or a building that break.
    "ascenseur chauffage radiateur eau robinet toilettes wc évier douche baignoire serrure \
     interphone digicode badge lumière ampoule électricité prise vitre fenêtre volet \
     chaudière porte lift elevator heating heater radiator water tap toilet sink shower lock \
     intercom light electricity window door boiler مصعد تدفئة سخان ماء مياه حنفية مرحاض حمام \
     دوش قفل باب ضوء كهرباء نافذة شباك ascensor calefacción agua grifo baño cerradura luz \
     ventana puerta elevador aquecimento água torneira banho fechadura janela porta asansör \
     kalorifer ısıtma musluk tuvalet kapı pencere elektrik kombi شوفاج escalier stairs \
     stairwell درج escalera escada merdiven",
    // Calling, a phone number.
    "appeler appelle appel contacter contact joindre téléphone tel numéro num call phone \
     number reach اتصل اتصال هاتف رقم تلفون تيليفون نتصل نعيط llamar teléfono contactar \
     contacto ligar telefone contato aramak ararım arayabilirim telefon numara numarası \
     iletişim ulaşmak تواصل اتواصل نتواصل",
    // The caretaker.
    "gardien gardienne concierge loge caretaker janitor superintendent حارس الحارس بواب \
     البواب كونسيرج conserje portero porteiro zelador kapıcı görevli",
    // Rent and charges.
    "loyer quittance charge échéance apl rent rental ايجار الايجار كراء الكراء alquiler renta \
     aluguel aluguer renda kira مصاريف",
    // Struggling to pay, debts.
    "dette retard impayé difficulté galère debt arrears late behind struggle struggling \
     afford دين ديون متاخر تاخر صعوبة deuda atraso dívida borç gecikme zorluk borcum borçlu \
     تاخرت",
    // An emergency, nights and week-ends.
    "urgence urgent urgente nuit weekend week dimanche férié soir danger dangereux inondation \
     incendie feu gaz fumée emergency night sunday fire gas flood smoke طوارئ طارئ مستعجل \
     عاجل ليل ليلا حريق نار غاز خطر فيضان urgencia noche fuego incendio emergência noite fogo \
     acil gece yangın tehlike",
    // The landlord.
    "bailleur office agence logeur propriétaire proprio hlm organisme landlord housing مؤجر \
     المؤجر وكالة الوكالة propietario casero arrendador senhorio senhoria proprietário sahibi",
    // Help.
    "aide aider aidez accompagnement accompagner entraide entraider help assist support \
     مساعدة ساعد يساعد ساعدني ayuda ayudar ajuda ajudar yardım destek",
    // This kiosk.
    "borne kiosque tablette écran machine kiosk tablet screen الشاشة شاشة اللوحة لوحة الجهاز \
     جهاز pantalla tela ecrã ekran",
    // Local partners.
    "association asso centre structure partenaire mairie maison régie club charity center \
     council جمعية مركز بلدية شريك شركاء اسوسياسيون asociación centro ayuntamiento associação \
     câmara dernek belediye merkez vakıf",
    // Learning French, languages.
    "français cours apprendre alphabétisation fle asl langue french lesson class classe learn \
     language فرنسية الفرنسية دروس درس تعلم اتعلم لغة francés clases clase aprender idioma \
     francês aula aulas fransızca kurs öğrenmek ders dil",
    // Paperwork and the internet.
    "papier démarche administratif administrative dossier formulaire internet ordinateur \
     numérique impôt paperwork form document papers computer online digital اوراق وثائق ادارة \
     ملف انترنت الانترنت حاسوب كمبيوتر papeles trámite ordenador papéis documento computador \
     evrak belge belgeler bilgisayar اجراءات استمارة tax",
    // Work and training.
    "emploi travail travailler boulot chômage job work formation stage عمل شغل وظيفة خدمة \
     trabajo empleo trabalho emprego işsiz meslek تكوين سيرة",
    // The shared room and ideas for it.
    "salle local pièce espace commune commun idée proposer proposition vote voter room space \
     idea suggest suggestion قاعة غرفة فضاء مساحة فكرة افكار اقتراح تصويت sala espacio votar \
     espaço ideia oda salon fikir öneri oy",
    // The volunteers at the doors.
    "bénévole jeune civique relais frappent frapper frappé volunteer young knock knocked \
     knocking متطوع متطوعين متطوعون شباب الشباب voluntario jóvenes voluntário jovens gönüllü \
     gençler genç يطرق يطرقون",
    // What is it, what for.
    "quoi koi sert what purpose ماذا شنو شنهو ايش شو nedir",
    // How.
    "comment cmt komen koment how كيف كيفاش كيفية cómo como nasıl",
    // Who.
    "qui ki who whom quién quem kim شكون مين",
    // Where.
    "where أين وين فين dónde donde onde nerede nereye",
    // When, opening hours.
    "quand horaire heure ouvert ouverture when hours open متى امتى وقت مواعيد cuándo horario \
     abierto quando horário aberto zaman saat açık",
    // How long data is kept.
    "temps durée longtemps garder gardez conserver conservées conservation keep kept long \
     stored retention مدة تحتفظ الاحتفاظ حفظ tiempo guardan guardar conservan tempo süre \
     saklamak saklanıyor garde",
    // Why.
    "pourquoi pk pq pkoi why لماذا علاش ليش ليه porquê neden niye",
    // A smartphone.
    "smartphone portable mobile iphone android ذكي سمارتفون موبايل móvil celular telemóvel \
     akıllı cep",
    // Lending and borrowing things.
    "prêter prête prêt emprunter emprunte objet outil perceuse lend borrow loan tool item \
     thing اعارة استعارة يعير استعير اغراض ادوات prestar prestado herramienta emprestar \
     emprestado ferramenta ödünç eşya alet اعير غرض غرضا مثقب",
    // Noise and trouble with neighbours.
    "bruit bruyant tapage nuisance noise noisy loud ضجيج ازعاج مزعج مزعجون صداع ruido ruidoso \
     barulho gürültü",
    // A smell.
    "odeur sent sens smell رائحة ريحة olor huele cheiro koku",
    // Looking for something.
    "cherche chercher recherche trouver looking look search find ابحث نبحث يبحث كنقلب نقلب \
     busco buscar procuro procurar arıyorum",
    // Safety, trust.
    "sécurité sécurisé confiance arnaque safe secure security scam trust امان امن ثقة احتيال \
     seguro seguridad segurança güvenli güvenlik",
    // What a sign-up asks for.
    "prénom nom email mail adresse name surname اسم الاسم بريد ايميل nombre apellido correo \
     nome isim soyad eposta address عنوان dirección endereço adres",
    // Obliged, required.
    "obligé obligée obligatoire forcé required mandatory must اجباري ملزم الزامي مضطر \
     obligatorio obligado obrigatório zorunlu refuser refuse رفض ارفض rechazar recusar \
     reddetmek ضروري mecbur compulsory",
];

pub fn default_synonyms() -> Vec<Vec<String>> {
    GROUPS
        .iter()
        .map(|group| group.split_whitespace().map(str::to_owned).collect())
        .collect()
}
