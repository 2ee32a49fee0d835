import type { PartialOf } from "../en";
import type { EmailMessages } from "./en";

/** العربية: the messages of the emails, written on the server only. */
export const ar: PartialOf<EmailMessages> = {
  email: {
    feedback: {
      subject: "{{contest}}: ملاحظات الحكّام على «{{title}}»",
      heading: "ما قاله الحكّام",
      body: "كتب حكّام {{contest}} هذه الملاحظات على مشاركتك {{code}} «{{title}}». لقد قرؤوا عملك دون معرفة اسمك، وتصلك ملاحظاتهم دون أسمائهم.",
      closing: "شكرًا لك على ما أبدعت. نأمل أن تساعدك هذه الملاحظات في أعمالك القادمة.",
      button: "مشاهدة مشاركتي",
    },
    guardianAnswered: {
      withdrawn: {
        subject: "سحب {{guardian}} موافقته على مشاركتك «{{title}}»",
        body: "سحب وليّ أمرك أو الوصي عليك {{guardian}} موافقته على مشاركتك في {{contest}}. لن تُعرض المشاركة في المعرض، وإذا لم يكن التحكيم قد بدأ فقد سُحبت من المسابقة.",
      },
      consented: {
        subject: "وافق {{guardian}} على مشاركتك «{{title}}»",
        body: "اطّلع وليّ أمرك أو الوصي عليك {{guardian}} على مشاركتك في {{contest}} ووافق عليها. يمكنك تقديمها الآن، إن لم يسبق لك ذلك.",
      },
      refused: {
        subject: "لم يوافق {{guardian}} على مشاركتك «{{title}}»",
        body: "اطّلع وليّ أمرك أو الوصي عليك {{guardian}} على مشاركتك في {{contest}} ولم يوافق عليها، لذا لا يمكن تقديمها. يمكنكما التحدث معًا؛ وإذا عدّلت المشاركة، يمكنك طلب موافقته مجددًا من صفحتها.",
      },
      button: "فتح مشاركتي",
    },
    organizerNote: "من المنظِّمين",
    roleSubject: "دورك الجديد في Mosaic: {{role}}",
    roleBody: {
      organizer:
        "يمكنك الآن إدارة المسابقات على Mosaic: إعدادها، وفرز المشاركات، ودعوة الحكّام، ومتابعة التحكيم، ونشر النتائج.",
      admin:
        "يمكنك الآن إدارة المسابقات على Mosaic وتحديد مَن يمكنه ذلك أيضًا: دعوة المنظِّمين والمسؤولين، وتغيير الأدوار، وتعطيل الحسابات.",
    },
    roleButton: "تسجيل الدخول",
    roleSignIn: "يكفي تسجيل الدخول بعنوان البريد الإلكتروني هذا؛ يرسل إليك Mosaic رمزًا، ولا حاجة إلى كلمة مرور.",
    signInSubject: "رمز تسجيل الدخول إلى Mosaic: {{code}}",
    signInPreview: "رمزك هو {{code}}. وهو صالح لمدة 10 دقائق.",
    signInHeading: "تسجيل الدخول إلى Mosaic",
    signInBody:
      "يُرجى كتابة هذا الرمز في صفحة تسجيل الدخول، أو استخدام الزر أدناه. كلاهما يعمل مرة واحدة، لمدة 10 دقائق.",
    signInButton: "تسجيل الدخول إلى Mosaic",
    signInIgnore:
      "إذا لم يكن طلب تسجيل الدخول منك، يمكنك تجاهل هذه الرسالة؛ فلا أحد يستطيع تسجيل الدخول دون هذا الرمز.",
    receiptSubject: "استُلمت المشاركة: {{code}} — {{title}}",
    receiptPreview: "قُدّمت مشاركتك {{code}} في {{contest}}.",
    receiptHeading: "تم تقديم مشاركتك",
    receiptBody: "شكرًا لك. استلمنا مشاركتك «{{title}}» في فئة {{category}} ضمن {{contest}}.",
    receiptReference: "رقمك المرجعي: {{code}}",
    receiptEdit: "يمكنك تعديلها أو سحبها حتى {{deadline}}. وإذا عدّلتها، يُرجى تقديمها من جديد.",
    receiptButton: "مشاهدة مشاركاتي",
    returnedSubject: "يُرجى تعديل مشاركتك {{code}} — {{title}}",
    returnedHeading: "مشاركتك تحتاج إلى تعديلات",
    returnedBody:
      "اطّلع منظِّمو {{contest}} على مشاركتك {{code}} «{{title}}» ويطلبون منك تعديل أمر ما قبل أن يمكن تحكيمها:",
    returnedUntil: "يمكنك تعديلها وتقديمها من جديد حتى {{date}}.",
    returnedDeadline: "يمكنك تعديلها وتقديمها من جديد حتى الموعد النهائي.",
    ineligibleSubject: "مشاركتك {{code}} — {{title}} غير مؤهلة",
    ineligibleHeading: "مشاركتك غير مؤهلة",
    ineligibleBody:
      "اطّلع منظِّمو {{contest}} على مشاركتك {{code}} «{{title}}» ووجدوا أنها لا يمكن أن تشارك، للسبب التالي:",
    screenedButton: "مشاهدة مشاركتي",
    invitationSubject: "أنت مدعو/ة لتحكيم {{contest}}",
    invitationHeading: "دعوة للتحكيم",
    invitationBody:
      "يدعوك منظِّمو {{contest}} إلى الانضمام إلى لجنة التحكيم. والمهمة تقييم أعمال شباب وفق معايير تقييم، دون معرفة أصحابها.",
    invitationButton: "قبول الدعوة",
    invitationExpires:
      "يعمل الرابط مرة واحدة، حتى {{date}}. يُرجى تسجيل الدخول بعنوان البريد الإلكتروني هذا لقبول الدعوة.",
    reminderSubject: "{{contest}}: يقترب إغلاق التقييم (المتبقي للتقييم: {{count}})",
    reminderHeading: "يقترب إغلاق التقييم",
    reminderBody: "المشاركات التي لا تزال بانتظار تقييمك في {{contest}}: {{count}}. يُغلق التقييم {{date}}.",
    reminderButton: "الذهاب إلى مشاركاتي",
    results: {
      awardSubject: "{{contest}}: فاز عملك — {{place}}",
      awardHeading: "تهانينا!",
      awardBody:
        "نالت مشاركتك {{code}} «{{title}}» {{place}} في فئة {{category}}. وهي الآن في معرض الفائزين، مع الاسم الذي اخترته للنشر.",
      thanksSubject: "{{contest}}: صدرت النتائج",
      thanksHeading: "شكرًا لك على المشاركة",
      thanksBody:
        "صدرت نتائج {{contest}}. لم تكن مشاركتك {{code}} «{{title}}» بين الفائزين هذه المرة، وقد قرأ الحكّام كل عمل بعناية. شكرًا لك على ما أبدعت.",
      judgeSubject: "{{contest}}: صدرت النتائج",
      judgeHeading: "شكرًا لك على التحكيم",
      judgeBody: "نُشرت نتائج {{contest}}. شكرًا لك على الوقت والعناية اللذين منحتهما لكل مشاركة.",
      button: "مشاهدة الفائزين",
    },
    messageFrom: "رسالة من منظِّمي {{contest}}",
    messageButton: "فتح Mosaic",
    draftReminderSubject: "{{contest}}: لم تُقدَّم مشاركتك بعد",
    draftReminderHeading: "مسودتك بانتظارك",
    draftReminderBody:
      "بدأت مشاركة في {{contest}} لكنها لم تُقدَّم بعد. يُغلق باب المشاركة {{deadline}}: يُرجى تقديمها قبل ذلك ليتمكن الحكّام من مشاهدتها.",
    draftReminderButton: "إكمال مشاركتي",
    guardianSubject: "يطلب {{entrant}} موافقتك على المشاركة في {{contest}}",
    guardianPreview: "يُرجى الاطلاع على مشاركة {{entrant}} وإخبارنا بقرارك بشأن الموافقة.",
    guardianHeading: "مرحبًا {{guardian}}",
    guardianBody:
      "يشارك {{entrant}} في {{contest}}، وهي مسابقة للشباب، وذكرك بصفتك وليّ أمره أو الوصي القانوني عليه. ولأنه دون 18 سنة، يحتاج إلى موافقتك. يفتح الزر أدناه مشاركته؛ ويمكنك هناك الموافقة أو الرفض.",
    guardianButton: "مشاهدة المشاركة والرد",
    guardianExpires: "يعمل الرابط مرة واحدة، حتى {{date}}.",
    guardianIgnore: "إذا كان هذا الشخص غير معروف لديك، يمكنك تجاهل هذه الرسالة: لن يُتخذ أي إجراء دون ردّك.",
  },
};
