//! Arabic texts (modern standard Arabic, plain words; the layout is mirrored by `dir="rtl"`).

use super::Text;

pub(super) fn text(key: Text) -> &'static str {
    match key {
        Text::AppName => "Palier",
        Text::CoordSignInHeading => "مساحة التنسيق",
        Text::CoordSignInIntro => "سجّل الدخول بحساب التنسيق الذي أعطته لك مؤسستك.",
        Text::CoordEmail => "البريد الإلكتروني",
        Text::CoordPassword => "كلمة المرور",
        Text::CoordSignIn => "تسجيل الدخول",
        Text::CoordSignOut => "تسجيل الخروج",
        Text::CoordSignedInAs => "متصل: {name}",
        Text::CoordNeedsNetwork => {
            "مساحة التنسيق تحتاج إلى الشبكة: أعد توصيل الجهاز ثم حاول مرة أخرى."
        }
        Text::CoordInvalidCredentials => "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
        Text::CoordTooManyTries => "محاولات كثيرة. حاول مرة أخرى بعد {seconds} ثانية.",
        Text::CoordFillBoth => "أدخل البريد الإلكتروني وكلمة المرور.",
        Text::CoordSessionExpired => "انتهت جلستك: سجّل الدخول من جديد.",
        Text::CoordServerProblem => "لم يتمكن الخادم من الرد. حاول بعد قليل؛ لم يضع شيء.",
        Text::CoordEnrollHeading => "ربط جهاز لوحي",
        Text::CoordEnrollIntro => {
            "اختر الحملة وأنشئ رمزًا. على الجهاز اللوحي، امسح رمز QR بالكاميرا، أو افتح «الجهاز» واكتب الرمز."
        }
        Text::CoordCampaign => "الحملة",
        Text::CoordCreateCode => "إنشاء رمز",
        Text::CoordCodeValidUntil => "لجهاز واحد فقط، صالح حتى {time}.",
        Text::CoordCodeQrLabel => "رمز QR لربط جهاز لوحي",
        Text::CoordDevicesHeading => "الأجهزة المرتبطة",
        Text::CoordNoDevices => "لا يوجد جهاز مرتبط حتى الآن.",
        Text::CoordDeviceName => "الجهاز",
        Text::CoordDeviceState => "الحالة",
        Text::CoordLastSeen => "آخر مزامنة",
        Text::CoordDeviceActive => "نشط",
        Text::CoordDeviceRevoked => "أُزيل",
        Text::CoordNeverSeen => "أبدًا",
        Text::CoordRevoke => "إزالة",
        Text::CoordRevokeConfirm => {
            "إزالة «{label}» من الحملة؟ لن يستطيع بعد الآن إرسال البيانات أو استقبالها. ما أرسله سابقًا يبقى."
        }
        Text::CoordImportHeading => "استيراد ملف جهاز لوحي",
        Text::CoordImportIntro => {
            "عندما لا يستطيع جهاز لوحي الاتصال، يحفظ بياناته في ملف. استورده هنا: لا يُحسب شيء مرتين."
        }
        Text::CoordImportChoose => "اختر الملف",
        Text::CoordImportResult => "{new} جديدة، {duplicate} مستلمة سابقًا، {rejected} مرفوضة.",
        Text::CoordImportNotAFile => "هذا الملف ليس تصديرًا من جهاز Palier.",
        Text::SkipToContent => "انتقل إلى المحتوى",
        Text::LanguageLabel => "اللغة",
        Text::BackHome => "الصفحة الرئيسية",
        Text::HomeHeading => "ماذا تفعل اليوم؟",
        Text::HomeIntro => {
            "كل شيء يعمل بدون شبكة. ما تسجله يبقى على هذا الجهاز ويُرسل إلى الخادم عند توفر الشبكة."
        }
        Text::ModeField => "من باب إلى باب (ميدان)",
        Text::ModeFieldHint => "طرق الأبواب، تسجيل السكان، تقديم تطبيق الحي.",
        Text::ModeKiosk => "الكشك (بهو العمارة)",
        Text::ModeKioskHint => "لوحة البهو: يسجل السكان أنفسهم، يطرحون أسئلتهم، ويعطون رأيهم.",
        Text::ModePartners => "الشركاء",
        Text::ModePartnersHint => "المراكز الاجتماعية، هيئات الحي، الجمعيات: الدليل والاتصالات.",
        Text::ModeCoordination => "التنسيق",
        Text::ModeCoordinationHint => {
            "تحضير الحملات، متابعة المؤشرات، التصدير، الرد على طلبات حماية البيانات."
        }
        Text::ComingSoon => "هذه المساحة قادمة قريبًا.",
        Text::FieldComingSoon => {
            "قوائم الأبواب وتسجيل السكان قادمة قريبًا. يمكنك الآن تدوين ما تراه في الميدان."
        }
        Text::KioskComingSoon => "كشك الخدمة الذاتية قادم قريبًا.",
        Text::PartnersComingSoon => "دليل الشركاء قادم قريبًا.",
        Text::CoordinationComingSoon => "مساحة التنسيق قادمة قريبًا.",
        Text::Online => "متصل",
        Text::Offline => "غير متصل: كل شيء محفوظ على هذا الجهاز",
        Text::UpdateAvailable => "نسخة جديدة متاحة",
        Text::UpdateReload => "إعادة التحميل",
        Text::FieldNoteHeading => "ملاحظة ميدانية",
        Text::FieldNoteLabel => "ملاحظتك",
        Text::FieldNoteSensitiveWarning => "لا تكتب أي معلومة عن صحة شخص أو صعوباته الاجتماعية.",
        Text::FieldNoteSave => "حفظ الملاحظة",
        Text::FieldNoteSaved => "تم حفظ الملاحظة على الجهاز.",
        Text::FieldNoteEmpty => "الملاحظة فارغة: اكتب بضع كلمات قبل الحفظ.",
        Text::FieldNoteTooLong => "الملاحظة طويلة جدًا: 2000 حرف على الأكثر.",
        Text::FieldNotesRecorded => "الملاحظات المحفوظة",
        Text::FieldNotesNone => "لا توجد ملاحظات بعد.",
        Text::OutboxPending => "{count} في انتظار الإرسال",
        Text::OutboxEmpty => "لا شيء في انتظار الإرسال.",
        Text::StorageHeading => "تخزين الجهاز",
        Text::StoragePersistent => "تخزين محمي: لن يمحوه المتصفح من تلقاء نفسه.",
        Text::StorageNotPersistent => "تخزين غير محمي: قد يمحوه المتصفح عند نفاد المساحة.",
        Text::StorageAskPersistent => "حماية التخزين",
        Text::StorageUsage => "المساحة المستخدمة: {used} من {quota}",
        Text::StorageUnknown => "المساحة المستخدمة: غير معروفة",
        Text::StorageWriteFailed => "تعذر الحفظ على هذا الجهاز. لم يُفقد شيء. التفاصيل: {reason}",
        Text::StorageUnavailable => "تخزين هذا الجهاز غير متاح (تصفح خاص؟). لا يمكن حفظ أي شيء.",
        Text::PageNotFound => "هذه الصفحة غير موجودة.",
        Text::FieldResidencesHeading => "المساكن",
        Text::FieldNoTerritory => "لا توجد قائمة مساكن على هذا الجهاز. استورد ملفًا للبدء.",
        Text::FieldImportLink => "استيراد قائمة مساكن",
        Text::DoorsRemaining => "{remaining} أبواب متبقية من {doors}",
        Text::FollowUpsHeading => "للزيارة مجددًا",
        Text::FollowUpsNone => "لا شيء للزيارة مجددًا الآن.",
        Text::DaySummaryHeading => "يومي",
        Text::DaySummaryLine => {
            "{knocked} أبواب طُرقت · {opened} فُتحت · {signups} تسجيلات · {presentations} عروض"
        }
        Text::RemainingOnly => "الأبواب المتبقية فقط",
        Text::AccessNotes => "الدخول",
        Text::FloorGround => "الطابق الأرضي",
        Text::FloorFirst => "الطابق الأول",
        Text::FloorNth => "الطابق {n}",
        Text::FloorBasement => "القبو {n}",
        Text::DoorNumber => "الباب {number}",
        Text::DoorWithoutNumber => "باب بدون رقم",
        Text::WellbeingQuestion => "كيف تشعر في مسكنك؟",
        Text::Wellbeing1 => "سيئ جدًا",
        Text::Wellbeing2 => "سيئ",
        Text::Wellbeing3 => "متوسط",
        Text::Wellbeing4 => "جيد",
        Text::Wellbeing5 => "جيد جدًا",
        Text::WellbeingSkip => "تخطي السؤال",
        Text::VisitNoteLabel => "ملاحظة (اختياري)",
        Text::OutcomeHeading => "ماذا حدث؟",
        Text::OutcomeAbsent => "غائب",
        Text::OutcomeRefused => "رفض",
        Text::OutcomeInterested => "مهتم",
        Text::OutcomeSignUp => "تسجيل",
        Text::OutcomeComeBack => "العودة لاحقًا",
        Text::OutcomeDoNotDisturb => "عدم الإزعاج",
        Text::OutcomeInaccessible => "لا يمكن الوصول",
        Text::ComeBackWhen => "متى نعود؟",
        Text::ComeBackDate => "التاريخ",
        Text::PartMorning => "صباحًا",
        Text::PartAfternoon => "بعد الظهر",
        Text::PartEvening => "مساءً",
        Text::ComeBackConfirm => "حفظ «العودة لاحقًا»",
        Text::ComeBackDateMissing => "اختر تاريخًا صالحًا للعودة.",
        Text::DoNotDisturbReason => "السبب",
        Text::DoNotDisturbConfirm => "عدم إزعاج هذا الباب مجددًا",
        Text::DoNotDisturbReasonMissing => "اذكر سبب عدم إزعاج هذا الباب مجددًا.",
        Text::VisitRecorded => "تم حفظ الزيارة: {outcome}",
        Text::Close => "إغلاق",
        Text::Back => "رجوع",
        Text::SignupHeading => "تسجيل ساكن",
        Text::FirstName => "الاسم الأول",
        Text::LastName => "اسم العائلة (اختياري)",
        Text::Phone => "الهاتف",
        Text::Email => "البريد الإلكتروني",
        Text::ContactHint => "وسيلة اتصال واحدة على الأقل: الهاتف أو البريد الإلكتروني.",
        Text::PreferredLanguage => "اللغة المفضلة",
        Text::ConsentHeading => "ما يوافق عليه الشخص",
        Text::ConsentHint => "اسأل عن كل سطر. لا شيء محدد مسبقًا.",
        Text::Yes => "نعم",
        Text::No => "لا",
        Text::NoticeHeading => "معلومات عن البيانات",
        Text::SignupSave => "حفظ التسجيل",
        Text::SignupSaved => "تم حفظ التسجيل.",
        Text::SignupHasProblems => "للتصحيح: {count}",
        Text::DraftKept => "تم حفظ المسودة على الجهاز.",
        Text::ImportHeading => "استيراد قائمة مساكن",
        Text::ImportFileLabel => "ملف المساكن (CSV، صيغة RPLS أو تصدير المؤجر)",
        Text::ImportDetected => "الترميز: {encoding} · الفاصل: {separator}",
        Text::ImportMappingHeading => "أعمدة الملف",
        Text::ImportNotMapped => "— غير موجود —",
        Text::ImportPreviewHeading => "الأسطر الأولى",
        Text::ImportSummary => {
            "{residences} مساكن، {buildings} مبانٍ، {entrances} مداخل، {doors} أبواب"
        }
        Text::ImportProblemsHeading => "أسطر بها خطأ: {count}",
        Text::ImportMissingColumns => "تنقص أعمدة أساسية: اخترها أعلاه.",
        Text::ImportAll => "استيراد الكل",
        Text::ImportValidOnly => "استيراد الأسطر الصالحة فقط ({count})",
        Text::ImportDone => "اكتمل الاستيراد: {doors} أبواب على الجهاز.",
        Text::ImportEmptyFile => "هذا الملف فارغ.",
        Text::PresentApp => "تقديم تطبيق الحي",
        Text::PresentationLanguage => "لغة العرض",
        Text::SlidePosition => "{n} من {total}",
        Text::Previous => "السابق",
        Text::Next => "التالي",
        Text::ShowQr => "عرض رمز QR",
        Text::QrCaption => "امسح الرمز بهاتفك للانضمام إلى التطبيق.",
        Text::QrCodeOf => "رمز QR للرابط: {link}",
        Text::NoJoinLink => "لا يوجد بعد رابط للانضمام إلى التطبيق في هذا المسكن.",
        Text::PresentationDone => "انتهى العرض",
        Text::PresentationRecorded => "تم حفظ العرض.",
        Text::DoorHangersLink => "إشعارات المرور للطباعة",
        Text::DoorHangersHeading => "إشعارات المرور",
        Text::DoorHangersHint => "إشعار لكل باب غائب في هذا المدخل، بحجم A6.",
        Text::VolunteerFirstName => "اسمك الأول",
        Text::ContactPhone => "الرقم للاتصال",
        Text::HangerLanguage => "لغة الإشعارات",
        Text::Print => "طباعة",
        Text::DoorHangersNone => "لا يوجد باب غائب في هذا المدخل.",
        Text::DaySummaryWellbeing => "الرفاه: {total} إجابات",
        Text::SyncNotEnrolled => "الجهاز غير مربوط: لا يُرسَل أي شيء",
        Text::SyncLinkDevice => "اربط هذا الجهاز",
        Text::SyncRevoked => {
            "أُزيل هذا الجهاز من الحملة. كل ما سُجّل يبقى على الجهاز، ولا يُرسَل أي شيء حتى يُربط من جديد."
        }
        Text::SyncLinkAgain => "اربطه من جديد",
        Text::SyncAllSent => "تم إرسال كل شيء",
        Text::SyncRunning => "جارٍ المزامنة…",
        Text::SyncDoneAgo => "تمت المزامنة منذ {ago}",
        Text::SyncDoneJustNow => "تمت المزامنة للتو",
        Text::SyncNever => "لم تتم المزامنة بعد",
        Text::SyncNow => "زامِن الآن",
        Text::SyncAttentionLink => "للمراجعة: {count}",
        Text::ProblemOffline => {
            "تعذّر الوصول إلى الخادم (لا توجد شبكة؟). كل شيء يبقى على الجهاز، وستُعاد المحاولة تلقائيًا."
        }
        Text::ProblemServerUnavailable => "لا يستطيع الخادم الحفظ حاليًا. ستُعاد المحاولة تلقائيًا.",
        Text::ProblemRateLimited => "يطلب الخادم الانتظار. ستُعاد المحاولة تلقائيًا.",
        Text::ProblemAppTooOld => {
            "لم يعد الخادم يقبل هذا الإصدار من التطبيق: أعد تحميله حالما يُعرض تحديث. لم يضِع شيء."
        }
        Text::ProblemRefused => "رفض الخادم الإرسال ({code}). لم يضِع شيء؛ أخبر منسّقك إذا استمر ذلك.",
        Text::ProblemUnreadable => "تعذّرت قراءة ردّ الخادم. ستُعاد المحاولة تلقائيًا.",
        Text::DeviceHeading => "هذا الجهاز",
        Text::DeviceIdLabel => "معرّف الجهاز",
        Text::DeviceCampaignLabel => "الحملة",
        Text::DeviceNameLabel => "اسم الجهاز",
        Text::DeviceNotLinkedHint => {
            "ما دام الجهاز غير مربوط بحملة، يبقى كل شيء مسجّلًا هنا ولا يُرسَل أي شيء. اطلب رمز ربط من منسّقك، أو امسح رمز QR الخاص به."
        }
        Text::DeviceSyncHeading => "الإرسال إلى الخادم",
        Text::EnrollHeading => "الربط بحملة",
        Text::EnrollOtherCampaign => "الربط بحملة أخرى",
        Text::EnrollCodeLabel => "رمز الربط",
        Text::EnrollCodeHint => "8 حروف أو أرقام، مثل K7P2-9XQM",
        Text::EnrollNameHint => "اسم يعرفه منسّقك، مثل «جهاز سامية اللوحي»",
        Text::EnrollRunning => "جارٍ الربط…",
        Text::EnrollDone => "تم ربط الجهاز بحملة «{campaign}».",
        Text::EnrollMalformed => "شكل هذا الرمز غير صحيح: يتكوّن من 8 حروف أو أرقام، مثل K7P2-9XQM.",
        Text::EnrollUnknown => "هذا الرمز غير موجود. تحقّق من الحروف أو اطلب رمزًا جديدًا.",
        Text::EnrollExpired => "انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا من منسّقك.",
        Text::EnrollUsed => "استُعمل هذا الرمز من قبل لجهاز آخر. اطلب رمزًا جديدًا.",
        Text::EnrollRateLimited => "محاولات كثيرة. انتظر دقيقة قبل أن تحاول من جديد.",
        Text::EnrollOffline => "تعذّر الوصول إلى الخادم: تحقّق من الشبكة وحاول من جديد.",
        Text::EnrollFailed => "لم ينجح الربط ({code}). حاول لاحقًا.",
        Text::ExportHeading => "لا توجد شبكة منذ مدة طويلة؟",
        Text::ExportHint => {
            "احفظ في ملف ما لم يُرسَل بعد وسلّمه إلى منسّقك ليستورده إلى الخادم. لا يُحذف شيء من الجهاز، والإرسال مرتين لا يضر. يحتوي الملف على بيانات الاتصال بالسكان المسجّلين: سلّمه يدًا بيد، ولا ترسله عبر البريد أو تطبيقات المراسلة."
        }
        Text::ExportButton => "صدّر ما ينتظر الإرسال ({count})",
        Text::ExportNothing => "لا شيء للتصدير: تم إرسال كل شيء.",
        Text::ExportDone => "تم حفظ الملف: {file}",
        Text::AttentionHeading => "للمراجعة",
        Text::AttentionHint => {
            "رفض الخادم هذه التسجيلات. إنها باقية على الجهاز. اقرأ السبب، وصحّح ما يمكن تصحيحه (تاريخ الجهاز اللوحي مثلًا)، ثم أعد المحاولة، أو صدّرها لمنسّقك."
        }
        Text::AttentionNone => "لا شيء للمراجعة.",
        Text::AttentionRetry => "أعد المحاولة",
        Text::AttentionRetryAll => "أعد المحاولة للكل",
        Text::AttentionRecorded => "سُجّل {when}",
        Text::AttentionServerSaid => "رسالة الخادم: {message}",
        Text::KindFieldNote => "ملاحظة ميدانية",
        Text::KindDeviceStarted => "تشغيل الجهاز",
        Text::KindDoorVisit => "زيارة باب",
        Text::KindSignup => "تسجيل ساكن",
        Text::KindPresentation => "تقديم التطبيق",
        Text::KindUnreadable => "تسجيل غير موجود على الجهاز",
        Text::RejectClock => {
            "كان الجهاز اللوحي مضبوطًا على تاريخ متقدّم. صحّح تاريخه وساعته في الإعدادات؛ سيُقبل هذا التسجيل بعد مرور ذلك التاريخ (أعد المحاولة حينها، أو صدّره)."
        }
        Text::RejectCampaign => "لا يعرف الخادم حملة هذا التسجيل.",
        Text::RejectInvalid => "التسجيل ناقص أو غير سليم.",
        Text::RejectSchema => "التسجيل صادر عن إصدار من التطبيق أحدث من الخادم.",
        Text::RejectDevice => "يقول الخادم إن التسجيل لم يصدر عن هذا الجهاز.",
        Text::RejectTooLarge => "حجمه كبير جدًا للإرسال: صدّره في ملف.",
        Text::RejectMissing => "التسجيل مفقود من ذاكرة الجهاز: لا يمكن إرساله.",
        Text::RejectOther => "رفضه الخادم ({code}).",
        Text::InsecureContext => {
            "عنوان غير آمن: افتح Palier عبر عنوان يبدأ بـ https://‎ (أو http://127.0.0.1 على هذا الجهاز). هنا لا يعمل التسجيل دون اتصال ولا التحديثات."
        }
        Text::RejectSequence => "لدى الخادم تسجيل آخر من هذا الجهاز بالرقم نفسه. أخبر منسّقك.",
        Text::SyncRefused => "رفضها الخادم: {count}",
        Text::AttentionAttempts => "محاولات الإرسال: {count}",
    }
}
