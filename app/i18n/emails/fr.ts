import type { PartialOf } from "../en";
import type { EmailMessages } from "./en";

/** Français: the messages of the emails, written on the server only. */
export const fr: PartialOf<EmailMessages> = {
  email: {
    feedback: {
      subject: "{{contest}} : les mots du jury sur « {{title}} »",
      heading: "Ce que le jury a dit",
      body: "Les jurés de {{contest}} ont écrit ces mots sur votre participation {{code}} « {{title}} ». Ils ont lu votre œuvre à l’aveugle, sans votre nom, et vous lisez leurs mots sans le leur.",
      closing: "Merci pour ce que vous avez créé. Nous espérons que ces mots vous aideront pour la suite.",
      button: "Voir ma participation",
    },
    guardianAnswered: {
      withdrawn: {
        subject: "{{guardian}} a retiré son consentement pour « {{title}} »",
        body: "Votre parent ou tuteur {{guardian}} a retiré son consentement pour votre participation à {{contest}}. Elle ne sera pas montrée dans la galerie et, si l’évaluation n’avait pas commencé, elle a été retirée du concours.",
      },
      consented: {
        subject: "{{guardian}} a consenti à votre œuvre « {{title}} »",
        body: "Votre parent ou tuteur·rice {{guardian}} a lu votre participation à {{contest}} et y a consenti. Vous pouvez maintenant la soumettre, si ce n’est pas déjà fait.",
      },
      refused: {
        subject: "{{guardian}} n’a pas consenti à votre œuvre « {{title}} »",
        body: "Votre parent ou tuteur·rice {{guardian}} a lu votre participation à {{contest}} et n’y a pas consenti : elle ne peut donc pas être soumise. Parlez-en ensemble ; si vous modifiez l’œuvre, vous pourrez redemander son accord depuis sa page.",
      },
      button: "Ouvrir mon œuvre",
    },
    organizerNote: "De la part des organisateurs",
    roleSubject: "Votre nouveau rôle sur Mosaic : {{role}}",
    roleBody: {
      organizer:
        "Vous pouvez désormais organiser des concours sur Mosaic : les configurer, vérifier les œuvres, inviter des membres du jury, suivre l’évaluation et publier les résultats.",
      admin:
        "Vous pouvez désormais organiser des concours sur Mosaic et gérer qui d’autre peut le faire : inviter des organisateurs et des administrateurs, modifier les rôles et désactiver des comptes.",
    },
    roleButton: "Se connecter",
    roleSignIn:
      "Connectez-vous avec cette adresse e-mail ; Mosaic vous envoie un code, aucun mot de passe n’est nécessaire.",
    signInSubject: "Votre code de connexion Mosaic : {{code}}",
    signInPreview: "Votre code est {{code}}. Il est valable 10 minutes.",
    signInHeading: "Se connecter à Mosaic",
    signInBody:
      "Saisissez ce code sur la page de connexion, ou utilisez le bouton ci-dessous. L’un et l’autre fonctionnent une fois, pendant 10 minutes.",
    signInButton: "Se connecter à Mosaic",
    signInIgnore:
      "Si vous n’avez pas demandé à vous connecter, ignorez cet e-mail : personne ne peut se connecter sans ce code.",
    receiptSubject: "Œuvre reçue : {{code}} — {{title}}",
    receiptPreview: "Votre œuvre {{code}} pour {{contest}} est déposée.",
    receiptHeading: "Votre œuvre est déposée",
    receiptBody: "Merci. Nous avons reçu votre œuvre « {{title}} » dans la catégorie {{category}} de {{contest}}.",
    receiptReference: "Votre référence : {{code}}",
    receiptEdit:
      "Vous pouvez la modifier ou la retirer jusqu’au {{deadline}}. Si vous la modifiez, déposez-la à nouveau.",
    receiptButton: "Voir mes œuvres",
    returnedSubject: "Merci de modifier votre œuvre {{code}} — {{title}}",
    returnedHeading: "Votre œuvre doit être modifiée",
    returnedBody:
      "Les organisateurs de {{contest}} ont examiné votre œuvre {{code}} « {{title}} » et vous demandent d’y apporter une modification avant qu’elle puisse être évaluée :",
    returnedUntil: "Vous pouvez la modifier et la déposer à nouveau jusqu’au {{date}}.",
    returnedDeadline: "Vous pouvez la modifier et la déposer à nouveau jusqu’à la date limite.",
    ineligibleSubject: "Votre œuvre {{code}} — {{title}} n’est pas admissible",
    ineligibleHeading: "Votre œuvre n’est pas admissible",
    ineligibleBody:
      "Les organisateurs de {{contest}} ont examiné votre œuvre {{code}} « {{title}} » et ont constaté qu’elle ne peut pas participer, pour la raison suivante :",
    screenedButton: "Voir mon œuvre",
    invitationSubject: "Vous êtes invité·e à faire partie du jury de {{contest}}",
    invitationHeading: "Une invitation à rejoindre le jury",
    invitationBody:
      "Les organisateurs de {{contest}} vous invitent à faire partie du jury. Vous noterez des œuvres de jeunes selon une grille d’évaluation, sans savoir qui les a créées.",
    invitationButton: "Accepter l’invitation",
    invitationExpires:
      "Le lien fonctionne une seule fois, jusqu’au {{date}}. Connectez-vous avec cette adresse e-mail pour accepter.",
    reminderSubject: "{{contest}} — œuvres restant à noter : {{count}}",
    reminderHeading: "La notation se termine bientôt",
    reminderBody: "Œuvres qu’il vous reste à noter dans {{contest}} : {{count}}. La notation se termine le {{date}}.",
    reminderButton: "Aller à mes œuvres à évaluer",
    results: {
      awardSubject: "{{contest}} : votre œuvre est primée — {{place}}",
      awardHeading: "Félicitations !",
      awardBody:
        "Votre œuvre {{code}} « {{title}} » est primée dans la catégorie {{category}} : {{place}}. Elle figure désormais dans la galerie des lauréats, avec le nom que vous avez choisi de publier.",
      thanksSubject: "{{contest}} : les résultats sont publiés",
      thanksHeading: "Merci d’avoir participé",
      thanksBody:
        "Les résultats de {{contest}} sont publiés. Votre œuvre {{code}} « {{title}} » ne fait pas partie des lauréats cette fois-ci, et le jury a examiné chaque œuvre avec attention. Merci pour ce que vous avez créé.",
      judgeSubject: "{{contest}} : les résultats sont publiés",
      judgeHeading: "Merci d’avoir fait partie du jury",
      judgeBody:
        "Les résultats de {{contest}} sont publiés. Merci pour le temps et le soin que vous avez consacrés à chaque œuvre.",
      button: "Voir les lauréats",
    },
    messageFrom: "Un message des organisateurs de {{contest}}",
    messageButton: "Ouvrir Mosaic",
    draftReminderSubject: "{{contest}} : votre œuvre n’est pas encore déposée",
    draftReminderHeading: "Votre brouillon vous attend",
    draftReminderBody:
      "Vous avez commencé une œuvre pour {{contest}}, mais vous ne l’avez pas encore déposée. Les dépôts seront clos le {{deadline}} : déposez-la avant pour que le jury puisse la voir.",
    draftReminderButton: "Terminer mon œuvre",
    guardianSubject: "{{entrant}} vous demande votre consentement pour participer à {{contest}}",
    guardianPreview: "Merci de regarder l’œuvre de {{entrant}} et de nous dire si vous donnez votre consentement.",
    guardianHeading: "Bonjour {{guardian}}",
    guardianBody:
      "{{entrant}} participe à {{contest}}, un concours pour les jeunes, et a indiqué que vous êtes son parent ou tuteur légal. Comme il s’agit d’une personne de moins de 18 ans, votre consentement est nécessaire. Le bouton ci-dessous ouvre son œuvre ; vous pourrez y donner ou refuser votre consentement.",
    guardianButton: "Voir l’œuvre et répondre",
    guardianExpires: "Le lien fonctionne une seule fois, jusqu’au {{date}}.",
    guardianIgnore:
      "Si vous ne connaissez pas cette personne, vous pouvez ignorer cet e-mail : rien ne sera fait sans votre réponse.",
  },
};
