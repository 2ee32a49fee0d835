/** The demo contest's texts in its other languages (see models/contest-texts.ts). */
export const DEMO_TRANSLATIONS = {
  fr: {
    title: "Concours multimédia Jeunesse pour le désarmement humanitaire 2025",
    theme: "L’assistance aux victimes et son impact plus large sur la société",
    summary:
      "Vous avez entre 18 et 29 ans ? Montrez-nous, par le film, la photographie, l’art, l’écriture ou le son, comment une assistance centrée sur les victimes, et une éducation aux risques qui sauve des vies, profitent à toute la société et font progresser les droits humains, les droits des personnes handicapées et les droits économiques et sociaux.",
    rules: [
      "## Ce qu’il faut créer",
      "Une œuvre originale sur le thème **l’assistance aux victimes et son impact plus large sur la société** : comment l’assistance aux survivants des armes à sous-munitions — soins médicaux, réadaptation, soutien psychologique, inclusion sociale et économique — et l’éducation aux risques transforment toute une communauté.",
      "## Qui peut participer",
      "- Vous avez entre 18 et 29 ans à la date limite de dépôt.\n- Vous pouvez participer en solo ou avec des co-auteurs ; chacun d’eux doit aussi remplir les conditions de participation.\n- Vous pouvez envoyer jusqu’à 3 œuvres au total.",
      "## Dignité et principe de ne pas nuire",
      "- Montrez les survivants comme des personnes qui ont des droits et qui sont actrices de leur propre vie, et non comme des objets de pitié.\n- Toute personne reconnaissable dans votre œuvre doit avoir donné son consentement éclairé, et une autorisation de droit à l’image vous sera demandée.\n- Ne montrez pas où se trouvent exactement les zones contaminées, ni aucune blessure explicite.",
      "## Droits",
      "Vous gardez vos droits d’auteur. En participant, vous autorisez les organisateurs à montrer votre œuvre, avec votre nom, dans la galerie du concours et lors de l’Assemblée des États parties.",
      "## Évaluation",
      "Les œuvres sont évaluées de manière anonyme par un jury international, selon une grille publiée : compréhension de l’assistance aux victimes (30 %), dignité et principe de ne pas nuire (20 %), message et impact (20 %), créativité et originalité (20 %), maîtrise technique (10 %).",
    ].join("\n\n"),
    certificateWording: "Pour une œuvre sur l’assistance aux victimes et son impact plus large sur la société.",
  },
  es: {
    title: "Concurso multimedia Juventud por el Desarme Humanitario 2025",
    theme: "La asistencia a las víctimas y su impacto más amplio en la sociedad",
    summary:
      "¿Tienes entre 18 y 29 años? Muéstranos, con cine, fotografía, arte, escritura o sonido, cómo una asistencia centrada en las víctimas, junto con una educación sobre el riesgo que salva vidas, beneficia a toda la sociedad y promueve los derechos humanos, los derechos de las personas con discapacidad y los derechos económicos y sociales.",
    rules: [
      "## Qué crear",
      "Una obra original sobre el tema **la asistencia a las víctimas y su impacto más amplio en la sociedad**: cómo la asistencia a los sobrevivientes de municiones en racimo —atención médica, rehabilitación, apoyo psicológico, inclusión social y económica— y la educación sobre el riesgo transforman a toda una comunidad.",
      "## Quién puede participar",
      "- Tienes entre 18 y 29 años en la fecha límite de entrega.\n- Puedes participar por tu cuenta o con personas coautoras; cada una de ellas también debe cumplir los requisitos.\n- Puedes enviar hasta 3 obras en total.",
      "## Dignidad y no hacer daño",
      "- Muestra a los sobrevivientes como personas con derechos y capacidad de decidir sobre su vida, no como objetos de lástima.\n- Toda persona reconocible en tu obra debe haber dado su consentimiento informado, y se te pedirá una autorización de derecho de imagen.\n- No muestres la ubicación exacta de zonas contaminadas ni heridas explícitas.",
      "## Derechos",
      "Conservas tus derechos de autor. Al participar, autorizas a la organización a mostrar tu obra, con tu nombre, en la galería del concurso y en la Reunión de los Estados Partes.",
      "## Evaluación",
      "Un jurado internacional evalúa las obras de forma anónima según unos criterios publicados: comprensión de la asistencia a las víctimas (30 %), dignidad y no hacer daño (20 %), mensaje e impacto (20 %), creatividad y originalidad (20 %), dominio técnico (10 %).",
    ].join("\n\n"),
    certificateWording: "Por una obra sobre la asistencia a las víctimas y su impacto más amplio en la sociedad.",
  },
  ar: {
    title: "مسابقة الشباب من أجل نزع السلاح الإنساني متعددة الوسائط 2025",
    theme: "مساعدة الضحايا وأثرها الأوسع في المجتمع",
    summary:
      "ندعو الشابات والشبان الذين تتراوح أعمارهم بين 18 و29 عامًا إلى أن يُظهروا، بالأفلام أو التصوير الفوتوغرافي أو الفن أو الكتابة أو الصوت، كيف يعود نهجٌ في المساعدة محوره الضحايا، ومعه توعيةٌ بالمخاطر تُنقذ الأرواح، بالنفع على المجتمع بأسره، ويعزّز حقوق الإنسان وحقوق الأشخاص ذوي الإعاقة والحقوق الاقتصادية والاجتماعية.",
    rules: [
      "## ما المطلوب",
      "عمل أصلي واحد حول موضوع **مساعدة الضحايا وأثرها الأوسع في المجتمع**: كيف تُغيّر مساعدةُ الناجين من الذخائر العنقودية — من رعاية طبية وإعادة تأهيل ودعم نفسي ودمج اجتماعي واقتصادي — والتوعيةُ بالمخاطر مجتمعًا بأكمله.",
      "## مَن يحق له المشاركة",
      "- يتراوح عمرك بين 18 و29 عامًا في الموعد النهائي للتقديم.\n- يمكنك المشاركة وحدك أو مع مشاركين في الإبداع، على أن يستوفي كلٌّ منهم شروط المشاركة أيضًا.\n- يمكنك إرسال 3 مشاركات كحد أقصى في المجموع.",
      "## الكرامة وعدم الإيذاء",
      "- تقديم الناجين بوصفهم أصحاب حقوق وفاعلين في حياتهم، لا موضوعًا للشفقة.\n- يجب أن يكون كل شخص يمكن التعرّف عليه في عملك قد أعطى موافقته المستنيرة، وسيُطلب منك إذن ظهور.\n- عدم إظهار المواقع الدقيقة للمناطق الملوّثة أو الإصابات الصادمة.",
      "## الحقوق",
      "تبقى حقوق المؤلف لك. والمشاركة تعني الإذن للمنظِّمين بعرض عملك، مع اسمك، في معرض المسابقة وفي اجتماع الدول الأطراف.",
      "## التحكيم",
      "تقيّم لجنة تحكيم دولية المشاركات دون معرفة أصحابها، وفق معايير منشورة: فهم مساعدة الضحايا (30%)، والكرامة وعدم الإيذاء (20%)، والرسالة والأثر (20%)، والإبداع والأصالة (20%)، والإتقان الفني (10%).",
    ].join("\n\n"),
    certificateWording: "عن عمل حول مساعدة الضحايا وأثرها الأوسع في المجتمع.",
  },
};

/** The default categories' names and descriptions in the demo's other languages, by slug. */
export const DEMO_CATEGORY_TRANSLATIONS: Record<string, Record<string, { name: string; description: string }>> = {
  video: {
    fr: { name: "Vidéo", description: "Un court métrage, un documentaire, une animation ou un essai vidéo." },
    es: { name: "Vídeo", description: "Un cortometraje, documental, animación o videoensayo." },
    ar: { name: "فيديو", description: "فيلم قصير أو وثائقي أو رسوم متحركة أو مقالة مرئية." },
  },
  photography: {
    fr: { name: "Photographie", description: "Une seule photographie ou une série de cinq au plus." },
    es: { name: "Fotografía", description: "Una sola fotografía o una serie de hasta cinco." },
    ar: { name: "تصوير فوتوغرافي", description: "صورة فوتوغرافية واحدة أو سلسلة من خمس صور كحد أقصى." },
  },
  "visual-art": {
    fr: {
      name: "Arts visuels",
      description:
        "Dessin, peinture, illustration, bande dessinée, affiche ou art numérique, photographiés ou numérisés.",
    },
    es: {
      name: "Artes visuales",
      description: "Dibujo, pintura, ilustración, cómic, cartel o arte digital, fotografiados o escaneados.",
    },
    ar: {
      name: "فنون بصرية",
      description: "رسم أو لوحة أو رسوم توضيحية أو قصص مصوّرة أو ملصق أو فن رقمي، بعد تصويره أو مسحه ضوئيًا.",
    },
  },
  "written-work": {
    fr: { name: "Œuvre écrite", description: "Un essai, une nouvelle, un poème ou un article de 1 500 mots au plus." },
    es: { name: "Obra escrita", description: "Un ensayo, relato, poema o artículo de hasta 1500 palabras." },
    ar: { name: "أعمال مكتوبة", description: "مقالة أو قصة أو قصيدة أو مقال صحفي في حدود 1,500 كلمة." },
  },
  audio: {
    fr: { name: "Audio", description: "Un épisode de podcast, une chanson, un slam ou une création radiophonique." },
    es: {
      name: "Audio",
      description: "Un episodio de pódcast, una canción, poesía oral (spoken word) o una pieza de radio.",
    },
    ar: { name: "أعمال صوتية", description: "حلقة بودكاست أو أغنية أو أداء شعري منطوق أو عمل إذاعي." },
  },
};
