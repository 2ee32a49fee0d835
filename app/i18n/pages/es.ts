import type { PartialOf } from "../en";
import type { PageMessages } from "./en";

/** Español: the messages of the other pages of visitors, entrants and guardians. */
export const es: PartialOf<PageMessages> = {
  signIn: {
    title: "Iniciar sesión",
    intro:
      "Escribe tu correo electrónico. Te enviaremos un código de 6 cifras y un enlace; cualquiera de los dos te da acceso. Sin contraseña.",
    email: "Correo electrónico",
    emailHint: "La dirección donde quieres recibir noticias de tus obras.",
    send: "Enviarme un código",
    sending: "Enviando…",
    checkTitle: "Revisa tu correo",
    checkIntro: "Si {{email}} puede iniciar sesión, un código de 6 cifras va en camino. Es válido durante 10 minutos.",
    code: "Código de 6 cifras",
    codeHint: "Solo las cifras del correo que te enviamos.",
    verify: "Iniciar sesión",
    verifying: "Iniciando sesión…",
    otherAddress: "Usar otra dirección",
    resend: "Enviar un código nuevo",
    linkTitle: "Terminar de iniciar sesión",
    linkIntro: "Pulsa el botón para iniciar sesión en este dispositivo.",
    linkContinue: "Iniciar sesión",
    signedOut: "Has cerrado la sesión.",
  },
  me: {
    judge: "Evaluar las obras de {{contest}}",
    title: "Mi página",
    welcome: "Te damos la bienvenida a Mosaic",
    signedInAs: "Has iniciado sesión como {{email}}.",
    role: "Tu rol: {{role}}",
    roles: { entrant: "Participante", organizer: "Organización", admin: "Administración" },
    next: "Siguiente paso: lee la convocatoria de un concurso y prepara tu obra.",
  },
  profile: {
    title: "Tu perfil",
    intro:
      "Necesitamos algunos datos para comprobar que puedes participar. Solo tú y la organización los ven, salvo el nombre que elijas publicar.",
    fullName: "Nombre completo",
    fullNameHint: "Como en un documento oficial; es privado.",
    displayName: "Nombre para publicar",
    displayNameHint: "Se muestra con tu obra si gana. Puede ser un nombre de pila o un seudónimo.",
    dateOfBirth: "Fecha de nacimiento",
    dateOfBirthHint: "Solo se usa para comprobar el rango de edad del concurso.",
    country: "País de residencia",
    publishCountry: "Si mi obra gana, mostrar mi país junto a mi nombre publicado.",
    chooseCountry: "Elige un país",
    language: "Idioma de los correos y las páginas",
    terms: "He leído y acepto las condiciones y el aviso de privacidad (versión {{version}}).",
    termsLink: "Leer las condiciones y el aviso de privacidad",
    save: "Guardar mi perfil",
    saved: "Tu perfil está guardado.",
    newTerms: "Las condiciones han cambiado. Léelas y acepta la nueva versión para continuar.",
  },
  terms: {
    body: "## Qué recogemos\n\nTu correo, tu perfil (nombre completo, nombre para publicar, fecha de nacimiento, país, idioma), las condiciones que aceptaste y tus obras con sus archivos, declaraciones, coautores, autorizaciones y, si tienes menos de la edad de consentimiento del concurso, el nombre y el correo de tu madre, padre o tutor que consiente.\n\n## Para qué\n\nPara comprobar que puedes participar, organizar la evaluación, contarte los resultados y, si ganas, mostrar tu obra con el nombre que elegiste publicar.\n\n## Quién lo ve\n\nLos organizadores de los concursos en que participas. El jurado ve tu obra y tu texto. Nunca ve tu correo, tu edad ni tu país, y nunca tu nombre, salvo que un concurso diga antes de participar que su evaluación es abierta: entonces ve el nombre que elegiste publicar. La madre, padre o tutor a quien se pide consentimiento ve la obra. Si ganas, todo el mundo ve tu obra en la galería con el nombre que elegiste, y tu país solo si lo aceptaste.\n\n## Cuánto tiempo lo guardamos\n\n- Obras que no ganan nada: sus archivos, textos, coautores, autorizaciones y consentimientos se borran cuando termina el plazo de conservación del concurso después de sus resultados (12 meses salvo que el formulario de participación diga otra cosa). Queda solo lo anónimo: categoría, estado y puntuaciones, para las estadísticas del concurso.\n- Las obras premiadas siguen publicadas en la galería.\n- Los códigos de acceso se borran un día después de usarse o caducar; las sesiones terminan tras 14 días sin uso o 30 días en total; el contenido de los correos que te enviamos se borra 30 días después del envío.\n- Tu cuenta y tu perfil se quedan hasta que los borres.\n\n## Tus derechos\n\n- **Ver y descargar tus datos**: la página «Mis datos» te da todo lo que guardamos sobre ti en un archivo ZIP, con tus archivos.\n- **Corregirlos**: cambia tu perfil cuando quieras, y tu obra hasta la fecha límite.\n- **Retirar** una obra hasta la fecha límite.\n- **Borrar tu cuenta** en la página «Mis datos», o pedir a los organizadores que lo hagan. Se borran tu perfil, tus borradores y tus archivos, y tus obras en concursos cuya evaluación no ha empezado se retiran y se borran. Una obra que el jurado ya usó conserva solo su referencia, categoría, puntuaciones y premio, sin tu nombre, tus textos ni tus archivos, y sale de la galería, para que los resultados de los demás sigan siendo correctos.\n- **Tu madre, padre o tutor** puede retirar su consentimiento desde el enlace de su correo: la obra sale de la galería, y del concurso si la evaluación no ha empezado.",
    title: "Condiciones y aviso de privacidad",
    version: "Versión {{version}}",
  },
  guardianPage: {
    consentGiven: "Diste tu consentimiento para esta obra. Puedes retirarlo cuando quieras.",
    withdrawText:
      "Si retiras tu consentimiento, la obra sale de la galería de ganadores, y del concurso si la evaluación no ha empezado. Se avisa por correo a quien participa.",
    withdraw: "Retirar mi consentimiento",
    title: "Consentimiento para una obra",
    heading: "La obra de {{entrant}}",
    intro:
      "Hola, {{guardian}}. {{entrant}} quiere presentar esta obra en {{contest}} e indicó que usted es su madre, padre o tutor. Por favor, revísela y luego díganos si da su consentimiento.",
    decide: "Su respuesta",
    consentText:
      "Soy la madre, el padre o el tutor legal de {{entrant}}. Doy mi consentimiento para que presente esta obra en {{contest}}, para que la organización conserve sus datos según el aviso de privacidad y para que la obra se muestre con su nombre publicado si gana.",
    consent: "Doy mi consentimiento",
    refuse: "No doy mi consentimiento",
    thanks: {
      withdrawn: "Tu consentimiento está retirado. La obra salió del concurso y se avisó a quien participa.",
      withdrawnAfterJudging:
        "Tu consentimiento está retirado. La obra no se mostrará en la galería; sus puntuaciones siguen en los resultados, sin mostrarla. Se avisó a quien participa.",
      consented: "Gracias. Su consentimiento quedó registrado y la obra ya se puede entregar.",
      refused: "Gracias. Su respuesta quedó registrada; la obra no se puede entregar sin su consentimiento.",
    },
    alreadyAnswered:
      "Esta solicitud ya tiene respuesta. Si quiere cambiar su respuesta, pida que le envíen una nueva solicitud.",
    expired: "Este enlace ha caducado. Pida que le envíen una nueva solicitud.",
    unknown: "Este enlace no es válido. Compruebe que lo copió completo desde el correo.",
    changed: "La obra cambió mientras usted la revisaba. Vuelva a revisarla abajo antes de responder.",
    notReady:
      "Un archivo de esta obra aún se está preparando para que puedas verlo. Vuelve en unos minutos: este enlace sigue funcionando.",
  },
  organize: {
    votes: "Premio del público",
    feedback: "Comentarios",
    title: "Organizar",
    dashboard: "Panel",
    entries: "Obras",
    sections: "Secciones de este concurso",
    sectionsMenu: "Secciones",
    screening: "Revisión",
    judges: "Jurado y asignación",
    rubric: "Rúbrica",
    final: "Ronda final",
    results: "Resultados",
    messages: "Mensajes",
    audit: "Registro de auditoría",
    settings: "Configuración",
    entrants: "Participantes",
  },
  entryList: {
    title: "Obras",
    search: "Buscar (referencia, título, nombre o correo)",
    status: "Estado",
    any: "cualquiera",
    apply: "Aplicar",
    entrant: "Participante",
    submitted: "Entregada",
    found_one: "{{count}} obra encontrada",
    found_other: "{{count}} obras encontradas",
  },
  gallery: {
    cardDescription: "de {{name}}: {{place}}, {{category}}, {{contest}}",
    backTo: "Volver a las obras ganadoras de {{contest}}",
    title: "Obras ganadoras",
    notYet: "Los resultados se anunciarán el {{date}}.",
    none: "Todavía no se muestra ninguna obra ganadora.",
    contentWarning: "Esta obra puede mostrar contenido explícito o heridas. Mostrarla.",
  },
  howWeRank: {
    noCountry: "El jurado tampoco ve el país de quienes participan.",
    title: "Cómo clasificamos las obras",
    intro:
      "Todas las obras se evalúan de la misma manera, y los premios no deberían depender de qué miembros del jurado le tocaron a una obra. Así es como lo hacemos.",
    whoTitle: "Quién evalúa y qué ve",
    blind: "La evaluación es anónima: el jurado nunca ve quién hizo una obra — ni nombre, ni correo electrónico.",
    open: "El jurado ve el nombre que cada participante eligió publicar; nunca un correo electrónico.",
    judgesPerWork_one: "{{count}} miembro del jurado lee y puntúa cada obra.",
    judgesPerWork_other: "{{count}} miembros del jurado leen y puntúan cada obra, cada uno por su cuenta.",
    conflicts:
      "Los miembros del jurado declaran primero sus conflictos de intereses y nunca evalúan la obra de alguien que conocen o de una organización a la que pertenecen.",
    conflictsCountry:
      "Los miembros del jurado declaran primero sus conflictos de intereses y nunca evalúan la obra de alguien que conocen, de una organización a la que pertenecen o de alguien de su propio país.",
    rubricTitle: "En qué se fija el jurado",
    rubric:
      "Cada miembro del jurado da a cada criterio uno de sus niveles, cada uno descrito con palabras. Los niveles se ponderan en una puntuación de 0 a 100:",
    rankingTitle: "De las puntuaciones a la clasificación",
    method: {
      raw: "Las obras se clasifican según la media de las puntuaciones de su jurado.",
      zscore:
        "Algunos miembros del jurado son severos y otros generosos. Antes de calcular la media, las puntuaciones de cada uno se llevan a una escala común: cuánto se aleja cada puntuación de su propia media. Así, una buena nota de un miembro severo cuenta tanto como la de uno generoso.",
      calibrated:
        "Algunos miembros del jurado son severos y otros generosos, unos más constantes que otros, y a algunos les toca por azar un conjunto de obras más fuerte. Un modelo estadístico considera todas las puntuaciones de la fase a la vez y estima la calidad de cada obra junto con la severidad y la constancia de cada miembro. Una obra no sale perjudicada por haber tenido un jurado severo, y la puntuación de un miembro constante cuenta algo más que la de uno irregular.",
    },
    close:
      "Cada puntuación tiene su margen de incertidumbre. Cuando dos obras a ambos lados de un premio no se pueden distinguir, la organización lo ve y puede pedir a un miembro más del jurado que las lea antes de decidir.",
    short:
      "La organización también ve cuánto coincidió el jurado, por categoría y por criterio, y qué obras tienen menos miembros del jurado de lo previsto.",
    finalTitle: "La final",
    pairwise:
      "Si la organización celebra una final, las obras preseleccionadas se comparan de dos en dos: un miembro del jurado ve dos obras de la misma categoría una junto a otra y elige la más sólida según la rúbrica. Con todas estas elecciones, un modelo estadístico (Bradley–Terry) ordena las obras. El jurado sigue comparando hasta que el orden es lo bastante fiable (una fiabilidad de {{target}}) o hasta que cierra la fase.",
    finalScores:
      "Si la organización celebra una final, cada miembro del jurado sin conflicto puntúa cada obra preseleccionada con la misma rúbrica, y las obras se clasifican de la misma manera.",
    awardsTitle: "Quién decide los premios",
    awards:
      "La organización otorga los premios con estos resultados a la vista. El método se fija antes de que empiece la evaluación y no puede cambiar en cuanto un miembro del jurado ha puntuado.",
  },
  vote: {
    opens: "El premio del público abre el {{date}}.",
    title: "Premio del público",
    intro:
      "Vote por su obra favorita en {{category}}: un voto por persona en cada categoría. La votación cierra el {{date}}; los recuentos quedan ocultos hasta entonces.",
    cast: "Votar por «{{title}}»",
    signIn: "Iniciar sesión con su correo para votar",
    why: "Iniciar sesión con un código enviado a su correo garantiza que cada persona vote una vez. Su correo nunca se muestra y puede borrar su cuenta cuando quiera.",
    votedThis: "Votó por esta obra en {{category}}. ¡Gracias!",
    votedOther: "Votó por «{{title}}» en {{category}}.",
    already: "Ya votó en esta categoría: cuenta su primer voto.",
    rateLimited: "Llegaron demasiados votos desde su red en la última hora. Inténtelo más tarde.",
    closed: "El premio del público no está abierto.",
    count_one: "{{count}} voto",
    count_other: "{{count}} votos",
    chosen: "Premio del público en {{category}}.",
    galleryOpen: "El premio del público está abierto hasta el {{date}}: abra una obra para votar.",
    apart: "Elegido por los votos de los visitantes, aparte de los premios del jurado.",
  },
  mailbox: {
    title: "Buzón de desarrollo",
    intro: "Sin una clave de Resend, Mosaic entrega aquí los correos. Esta página solo existe en desarrollo.",
    empty: "Todavía no hay correos.",
    to: "Para",
    subject: "Asunto",
    sent: "Enviado",
    refresh: "Actualizar",
  },
  account: {
    title: "Mis datos",
    downloadTitle: "Descargar mis datos",
    downloadIntro:
      "Un archivo ZIP con todo lo que Mosaic guarda sobre ti: tu perfil, las condiciones que aceptaste, tus obras con sus textos, declaraciones, coautores, autorizaciones y consentimientos de tutores, los correos que te enviamos y tus archivos. Abre data.json con cualquier editor de texto; README.txt explica el resto.",
    download: "Descargar mis datos (ZIP)",
    deleteTitle: "Borrar mi cuenta",
    deleteIntro:
      "Borrar tu cuenta borra tu perfil, tus borradores, tus archivos y tus obras, y cierra tu sesión en todas partes. Verás qué pasa con cada obra antes de confirmar.",
    deleteStart: "Borrar mi cuenta…",
    deleteWhat: "Esto borra tu perfil, tu correo, tus archivos y los correos que te enviamos. No se puede deshacer.",
    entryDeleted: "«{{title}}» ({{contest}}): se borra, con sus archivos.",
    entryKept:
      "«{{title}}» ({{contest}}): el jurado ya la evaluó; su referencia, categoría, puntuaciones y premio se quedan, sin tu nombre, tus textos ni tus archivos, y sale de la galería.",
    keptWhy:
      "Los resultados de un concurso dependen de las puntuaciones de cada obra evaluada: se quedan, anónimas, sin nada que lleve a ti.",
    downloadFirst: "Quizá quieras descargar tus datos antes.",
    confirm: "Entiendo que mi cuenta y mis datos se borrarán y no se podrán recuperar.",
    confirmNeeded: "Marca la casilla para confirmar.",
    lastAdmin:
      "Eres la única persona administradora: primero nombra a otra persona administradora en la página de personas.",
    deleteNow: "Borrar mi cuenta ahora",
    keep: "Conservar mi cuenta",
    deletedTitle: "Tu cuenta se ha borrado",
    deletedText:
      "Tu cuenta, tu perfil, tus archivos y tus obras se han borrado, y se cerró tu sesión. Gracias por participar.",
    home: "Volver al inicio",
  },
  myData: {
    readme:
      "Tus datos de Mosaic, {{date}}\n\ndata.json contiene todo lo que Mosaic guarda sobre ti, como texto que puedes abrir con cualquier editor:\n- account: tu correo, tu perfil y tu idioma\n- termsAccepted: las versiones de las condiciones y del aviso de privacidad que aceptaste\n- signedInSessions: cuándo iniciaste sesión\n- entries: cada obra con sus textos, declaraciones, coautores, autorizaciones, consentimientos de tutores, decisiones de selección, premio (cuando los resultados son públicos) y la lista de sus archivos, cada uno con su huella (sha256), que muestra si una copia es el mismo archivo\n- judging: si fuiste jurado, tus declaraciones y tus hojas de puntuación\n- emailsSentToYou: los correos que te enviamos (su contenido se guarda 30 días después del envío)\n\nLa carpeta files contiene tus archivos como los ven los demás: imágenes sin sus metadatos ocultos (lugar, cámara).\n\nNo incluye la identidad de jurados ni organizadores, ni las obras de otras personas.\nPuedes borrar tu cuenta en la página Mis datos.\n",
    fingerprintPending: "en cálculo: vuelve a descargar tus datos dentro de unos minutos para tenerla",
  },
};
