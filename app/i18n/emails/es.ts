import type { PartialOf } from "../en";
import type { EmailMessages } from "./en";

/** Español: the messages of the emails, written on the server only. */
export const es: PartialOf<EmailMessages> = {
  email: {
    feedback: {
      subject: "{{contest}}: las notas del jurado sobre «{{title}}»",
      heading: "Lo que dijo el jurado",
      body: "El jurado de {{contest}} escribió estas notas sobre su participación {{code}} «{{title}}». Leyeron su obra a ciegas, sin su nombre, y usted lee sus notas sin los de ellos.",
      closing: "Gracias por lo que creó. Esperamos que las notas le ayuden en lo que cree después.",
      button: "Ver mi participación",
    },
    guardianAnswered: {
      withdrawn: {
        subject: "{{guardian}} retiró su consentimiento para «{{title}}»",
        body: "Tu madre, padre o tutor {{guardian}} retiró su consentimiento para tu obra en {{contest}}. No se mostrará en la galería y, si la evaluación no había empezado, se retiró del concurso.",
      },
      consented: {
        subject: "{{guardian}} dio su consentimiento a tu obra «{{title}}»",
        body: "Tu madre, padre o tutor {{guardian}} leyó tu participación en {{contest}} y dio su consentimiento. Ya puedes presentarla, si aún no lo has hecho.",
      },
      refused: {
        subject: "{{guardian}} no dio su consentimiento a tu obra «{{title}}»",
        body: "Tu madre, padre o tutor {{guardian}} leyó tu participación en {{contest}} y no dio su consentimiento, así que no se puede presentar. Hablen juntos; si cambias la obra, puedes volver a pedírselo desde su página.",
      },
      button: "Abrir mi obra",
    },
    organizerNote: "De parte de la organización",
    roleSubject: "Su nuevo rol en Mosaic: {{role}}",
    roleBody: {
      organizer:
        "Ahora puede organizar concursos en Mosaic: configurarlos, revisar las obras, invitar al jurado, seguir la evaluación y publicar los resultados.",
      admin:
        "Ahora puede organizar concursos en Mosaic y decidir quién más puede hacerlo: invitar a personas a la organización y a la administración, cambiar roles y desactivar cuentas.",
    },
    roleButton: "Iniciar sesión",
    roleSignIn: "Inicie sesión con este correo electrónico; Mosaic le enviará un código, sin necesidad de contraseña.",
    signInSubject: "Tu código para entrar en Mosaic: {{code}}",
    signInPreview: "Tu código es {{code}}. Es válido durante 10 minutos.",
    signInHeading: "Entrar en Mosaic",
    signInBody:
      "Escribe este código en la página de inicio de sesión, o usa el botón de abajo. Ambos funcionan una sola vez, durante 10 minutos.",
    signInButton: "Entrar en Mosaic",
    signInIgnore: "Si no pediste iniciar sesión, ignora este correo: nadie puede entrar sin este código.",
    receiptSubject: "Obra recibida: {{code}} — {{title}}",
    receiptPreview: "Tu obra {{code}} para {{contest}} está entregada.",
    receiptHeading: "Tu obra está entregada",
    receiptBody: "Gracias. Recibimos tu obra «{{title}}» en la categoría {{category}} de {{contest}}.",
    receiptReference: "Tu referencia: {{code}}",
    receiptEdit: "Puedes cambiarla o retirarla hasta el {{deadline}}. Si la cambias, vuelve a entregarla.",
    receiptButton: "Ver mis obras",
    returnedSubject: "Te pedimos cambios en tu obra {{code}} — {{title}}",
    returnedHeading: "Tu obra necesita cambios",
    returnedBody:
      "La organización de {{contest}} revisó tu obra {{code}} «{{title}}» y te pide que cambies algo antes de que se pueda evaluar:",
    returnedUntil: "Puedes cambiarla y volver a entregarla hasta el {{date}}.",
    returnedDeadline: "Puedes cambiarla y volver a entregarla hasta la fecha límite.",
    ineligibleSubject: "Tu obra {{code}} — {{title}} no es admisible",
    ineligibleHeading: "Tu obra no es admisible",
    ineligibleBody:
      "La organización de {{contest}} revisó tu obra {{code}} «{{title}}» y concluyó que no puede participar, por este motivo:",
    screenedButton: "Ver mi obra",
    invitationSubject: "Le invitamos a formar parte del jurado de {{contest}}",
    invitationHeading: "Una invitación para formar parte del jurado",
    invitationBody:
      "La organización de {{contest}} le invita a formar parte del jurado. Puntuará obras de jóvenes según una rúbrica, sin saber quién las hizo.",
    invitationButton: "Aceptar la invitación",
    invitationExpires:
      "El enlace funciona una sola vez, hasta el {{date}}. Inicie sesión con este correo electrónico para aceptar.",
    reminderSubject: "{{contest}} — obras pendientes de puntuar: {{count}}",
    reminderHeading: "El plazo para puntuar termina pronto",
    reminderBody:
      "Obras que le quedan por puntuar en {{contest}}: {{count}}. El plazo para puntuar termina el {{date}}.",
    reminderButton: "Ir a mis obras asignadas",
    results: {
      awardSubject: "{{contest}}: tu obra ganó — {{place}}",
      awardHeading: "¡Felicidades!",
      awardBody:
        "Tu obra {{code}} «{{title}}» ganó en la categoría {{category}}: {{place}}. Ya está en la galería de ganadores, con el nombre que elegiste publicar.",
      thanksSubject: "{{contest}}: ya hay resultados",
      thanksHeading: "Gracias por participar",
      thanksBody:
        "Ya se publicaron los resultados de {{contest}}. Esta vez tu obra {{code}} «{{title}}» no está entre las ganadoras, y el jurado revisó cada obra con atención. Gracias por lo que creaste.",
      judgeSubject: "{{contest}}: ya hay resultados",
      judgeHeading: "Gracias por formar parte del jurado",
      judgeBody:
        "Los resultados de {{contest}} ya están publicados. Gracias por el tiempo y el cuidado que dedicó a cada obra.",
      button: "Ver las obras ganadoras",
    },
    messageFrom: "Un mensaje de la organización de {{contest}}",
    messageButton: "Abrir Mosaic",
    draftReminderSubject: "{{contest}}: tu obra aún no está entregada",
    draftReminderHeading: "Tu borrador te espera",
    draftReminderBody:
      "Empezaste una obra para {{contest}}, pero aún no la has entregado. La convocatoria cierra el {{deadline}}: entrégala antes para que el jurado pueda verla.",
    draftReminderButton: "Terminar mi obra",
    guardianSubject: "{{entrant}} le pide su consentimiento para participar en {{contest}}",
    guardianPreview: "Revise la obra de {{entrant}} y díganos si da su consentimiento.",
    guardianHeading: "Hola, {{guardian}}",
    guardianBody:
      "{{entrant}} participa en {{contest}}, un concurso para jóvenes, e indicó que usted es su madre, padre o tutor legal. Al ser menor de 18 años, necesita que usted dé su consentimiento. El botón de abajo abre su obra; allí puede dar o negar su consentimiento.",
    guardianButton: "Ver la obra y responder",
    guardianExpires: "El enlace funciona una sola vez, hasta el {{date}}.",
    guardianIgnore: "Si no conoce a esta persona, puede ignorar este correo: no se hará nada sin su respuesta.",
  },
};
