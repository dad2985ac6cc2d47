//! Arabic texts (modern standard Arabic, plain words; the layout is mirrored by `dir="rtl"`).

use super::Text;

pub(super) fn text(key: Text) -> &'static str {
    match key {
        Text::AppName => "Palier",
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
    }
}
