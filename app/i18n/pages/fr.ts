import type { PartialOf } from "../en";
import type { PageMessages } from "./en";

/** Français: the messages of the other pages of visitors, entrants and guardians. */
export const fr: PartialOf<PageMessages> = {
  signIn: {
    title: "Se connecter",
    intro:
      "Saisissez votre adresse e-mail. Nous vous enverrons un code à 6 chiffres et un lien ; l’un ou l’autre vous connecte. Aucun mot de passe.",
    email: "Adresse e-mail",
    emailHint: "L’adresse où vous souhaitez recevoir les nouvelles de vos œuvres.",
    send: "Recevoir un code",
    sending: "Envoi…",
    checkTitle: "Consultez vos e-mails",
    checkIntro: "Si {{email}} peut se connecter, un code à 6 chiffres est en route. Il est valable 10 minutes.",
    code: "Code à 6 chiffres",
    codeHint: "Uniquement les chiffres de l’e-mail reçu.",
    verify: "Se connecter",
    verifying: "Connexion…",
    otherAddress: "Utiliser une autre adresse",
    resend: "Recevoir un nouveau code",
    linkTitle: "Terminer la connexion",
    linkIntro: "Appuyez sur le bouton pour vous connecter sur cet appareil.",
    linkContinue: "Se connecter",
    signedOut: "Vous êtes déconnecté·e.",
  },
  me: {
    judge: "Évaluer les œuvres de {{contest}}",
    title: "Mon espace",
    welcome: "Bienvenue sur Mosaic",
    signedInAs: "Vous êtes connecté·e en tant que {{email}}.",
    role: "Votre rôle : {{role}}",
    roles: { entrant: "Participant·e", organizer: "Organisateur·rice", admin: "Administrateur·rice" },
    next: "Prochaine étape : lire l’appel d’un concours et préparer votre œuvre.",
  },
  profile: {
    title: "Votre profil",
    intro:
      "Nous avons besoin de quelques informations pour vérifier que vous pouvez participer. Seuls vous et les organisateurs les voient, sauf le nom que vous choisissez de publier.",
    fullName: "Nom complet",
    fullNameHint: "Comme sur une pièce officielle ; il reste privé.",
    displayName: "Nom à publier",
    displayNameHint: "Affiché avec votre œuvre si elle est primée. Un prénom ou un nom de plume convient.",
    dateOfBirth: "Date de naissance",
    dateOfBirthHint: "Utilisée seulement pour vérifier la tranche d’âge du concours.",
    country: "Pays de résidence",
    publishCountry: "Si mon œuvre est primée, afficher mon pays avec mon nom publié.",
    chooseCountry: "Choisissez un pays",
    language: "Langue des e-mails et des pages",
    terms: "J’ai lu et j’accepte les conditions et la politique de confidentialité (version {{version}}).",
    termsLink: "Lire les conditions et la politique de confidentialité",
    save: "Enregistrer mon profil",
    saved: "Votre profil est enregistré.",
    newTerms: "Les conditions ont changé. Lisez-les et acceptez la nouvelle version pour continuer.",
  },
  terms: {
    body: "## Ce que nous collectons\n\nVotre adresse e-mail, votre profil (nom complet, nom à publier, date de naissance, pays, langue), les conditions acceptées, et vos participations avec leurs fichiers, déclarations, co-auteurs, autorisations et, pour une personne sous l’âge du consentement du concours, le nom et l’e-mail du parent ou tuteur qui consent.\n\n## Pourquoi\n\nPour vérifier que vous pouvez participer, organiser l’évaluation, vous annoncer les résultats et, si vous gagnez, montrer votre œuvre avec le nom que vous avez choisi de publier.\n\n## Qui les voit\n\nLes organisateurs des concours auxquels vous participez. Les jurés voient votre œuvre et votre texte. Ils ne voient jamais votre e-mail, votre âge ni votre pays, et jamais votre nom, sauf si un concours annonce avant votre participation que son évaluation est ouverte : ils voient alors le nom que vous avez choisi de publier. Le parent ou tuteur à qui l’on demande son consentement voit la participation. Si vous gagnez, tout le monde voit votre œuvre dans la galerie avec le nom choisi, et votre pays seulement si vous l’avez accepté.\n\n## Combien de temps nous les gardons\n\n- Participations non primées : leurs fichiers, textes, co-auteurs, autorisations et consentements sont supprimés à la fin de la durée de conservation du concours après ses résultats (12 mois sauf indication contraire sur le formulaire de participation). Il reste des données anonymes : catégorie, statut et notes, pour les statistiques du concours.\n- Les participations primées restent publiées dans la galerie.\n- Les codes de connexion sont supprimés un jour après leur usage ou leur expiration ; les sessions prennent fin après 14 jours sans usage ou 30 jours au total ; le contenu des e-mails envoyés est supprimé 30 jours après l’envoi.\n- Votre compte et votre profil restent jusqu’à ce que vous les supprimiez.\n\n## Vos droits\n\n- **Voir et télécharger vos données** : la page « Mes données » vous donne tout ce que nous conservons sur vous dans un fichier ZIP, avec vos fichiers.\n- **Les corriger** : modifiez votre profil à tout moment, et votre participation jusqu’à la date limite.\n- **Retirer** une participation jusqu’à la date limite.\n- **Supprimer votre compte** depuis la page « Mes données », ou demander aux organisateurs de le faire. Votre profil, vos brouillons et vos fichiers sont supprimés, et vos participations aux concours dont l’évaluation n’a pas commencé sont retirées et supprimées. Une participation déjà évaluée ne garde que sa référence, sa catégorie, ses notes et son éventuel prix, sans votre nom, vos textes ni vos fichiers, et quitte la galerie, pour que les résultats des autres restent justes.\n- **Un parent ou tuteur** peut retirer son consentement depuis le lien de son e-mail : l’œuvre quitte la galerie, et le concours si l’évaluation n’a pas commencé.",
    title: "Conditions et politique de confidentialité",
    version: "Version {{version}}",
  },
  guardianPage: {
    consentGiven: "Vous avez donné votre consentement pour cette participation. Vous pouvez le retirer à tout moment.",
    withdrawText:
      "Si vous retirez votre consentement, l’œuvre quitte la galerie des lauréats, et le concours si l’évaluation n’a pas commencé. La personne participante est prévenue par e-mail.",
    withdraw: "Retirer mon consentement",
    title: "Consentement pour une œuvre",
    heading: "L’œuvre de {{entrant}}",
    intro:
      "Bonjour {{guardian}}. {{entrant}} souhaite présenter cette œuvre à {{contest}} et a indiqué que vous êtes son parent ou tuteur. Merci de la regarder, puis de nous dire si vous donnez votre consentement.",
    decide: "Votre réponse",
    consentText:
      "Je suis parent ou tuteur légal de {{entrant}}. Je consens à sa participation à {{contest}} avec cette œuvre, à la conservation de ses données par les organisateurs comme l’indique la politique de confidentialité, et à la présentation de l’œuvre avec son nom publié si elle est primée.",
    consent: "Je donne mon consentement",
    refuse: "Je ne donne pas mon consentement",
    thanks: {
      withdrawn:
        "Votre consentement est retiré. L’œuvre a quitté le concours et la personne participante a été prévenue.",
      withdrawnAfterJudging:
        "Votre consentement est retiré. L’œuvre ne sera pas montrée dans la galerie ; ses notes restent dans les résultats, sans qu’elle soit montrée. La personne participante a été prévenue.",
      consented: "Merci. Votre consentement est enregistré, et l’œuvre peut maintenant être déposée.",
      refused: "Merci. Votre réponse est enregistrée ; l’œuvre ne peut pas être déposée sans votre consentement.",
    },
    alreadyAnswered:
      "Cette demande a déjà reçu une réponse. Si vous souhaitez changer votre réponse, demandez qu’une nouvelle demande vous soit envoyée.",
    expired: "Ce lien a expiré. Demandez qu’une nouvelle demande vous soit envoyée.",
    unknown: "Ce lien n’est pas valide. Vérifiez que vous l’avez copié en entier depuis l’e-mail.",
    changed:
      "L’œuvre a été modifiée pendant que vous la consultiez. Merci de la regarder à nouveau ci-dessous avant de répondre.",
    notReady:
      "Un fichier de cette œuvre est encore en préparation pour que vous puissiez le voir. Revenez dans quelques minutes : ce lien fonctionne toujours.",
  },
  organize: {
    votes: "Prix du public",
    feedback: "Retours",
    title: "Organiser",
    dashboard: "Tableau de bord",
    entries: "Œuvres",
    sections: "Sections de ce concours",
    sectionsMenu: "Rubriques",
    screening: "Vérification",
    judges: "Jury et attribution",
    rubric: "Grille d’évaluation",
    final: "Tour final",
    results: "Résultats",
    messages: "Messages",
    audit: "Journal d’audit",
    settings: "Paramètres",
    entrants: "Personnes participantes",
  },
  entryList: {
    title: "Œuvres",
    search: "Rechercher (référence, titre, nom ou e-mail)",
    status: "Statut",
    any: "tous",
    apply: "Appliquer",
    entrant: "Participant·e",
    submitted: "Déposée",
    found_one: "{{count}} œuvre trouvée",
    found_other: "{{count}} œuvres trouvées",
  },
  gallery: {
    cardDescription: "de {{name}} — {{place}}, {{category}}, {{contest}}",
    backTo: "Retour aux lauréats de {{contest}}",
    title: "Lauréats",
    notYet: "Les résultats seront annoncés le {{date}}.",
    none: "Aucune œuvre primée n’est encore présentée.",
    contentWarning: "Cette œuvre peut montrer des contenus explicites ou des blessures. L’afficher.",
  },
  howWeRank: {
    noCountry: "Le jury ne voit pas non plus le pays des personnes participantes.",
    title: "Comment nous classons les œuvres",
    intro:
      "Chaque œuvre est évaluée de la même façon, et les prix ne doivent pas dépendre des membres du jury qu’une œuvre a eus. Voici comment.",
    whoTitle: "Qui évalue, et ce que le jury voit",
    blind: "L’évaluation est anonyme : le jury ne voit jamais qui a fait une œuvre — ni nom, ni adresse e-mail.",
    open: "Le jury voit le nom que chaque personne a choisi de publier ; jamais une adresse e-mail.",
    judgesPerWork_one: "{{count}} membre du jury lit et note chaque œuvre.",
    judgesPerWork_other: "{{count}} membres du jury lisent et notent chaque œuvre, chacun de son côté.",
    conflicts:
      "Les membres du jury déclarent d’abord leurs conflits d’intérêts, et n’évaluent jamais l’œuvre d’une personne qu’ils connaissent ou d’une organisation dont ils font partie.",
    conflictsCountry:
      "Les membres du jury déclarent d’abord leurs conflits d’intérêts, et n’évaluent jamais l’œuvre d’une personne qu’ils connaissent, d’une organisation dont ils font partie ou d’une personne de leur propre pays.",
    rubricTitle: "Ce que le jury regarde",
    rubric:
      "Chaque membre du jury donne à chaque critère l’un de ses niveaux, chacun décrit en mots. Les niveaux sont pondérés en une note de 0 à 100 :",
    rankingTitle: "Des notes au classement",
    method: {
      raw: "Les œuvres sont classées sur la moyenne des notes de leur jury.",
      zscore:
        "Certains membres du jury sont sévères, d’autres indulgents. Avant la moyenne, les notes de chacun sont ramenées sur une échelle commune : à quelle distance de sa propre moyenne se trouve chaque note. La bonne note d’un membre sévère compte alors autant que celle d’un membre indulgent.",
      calibrated:
        "Certains membres du jury sont sévères, d’autres indulgents, certains plus constants que d’autres, et certains lisent par hasard un ensemble d’œuvres plus fort. Un modèle statistique considère toutes les notes de la phase à la fois et estime la qualité de chaque œuvre en même temps que la sévérité et la constance de chaque membre. Une œuvre n’est pas pénalisée parce qu’elle est tombée sur un jury sévère, et la note d’un membre constant compte un peu plus que celle d’un membre irrégulier.",
    },
    close:
      "Chaque note a sa marge d’incertitude. Quand deux œuvres de part et d’autre d’un prix ne peuvent pas être départagées, les organisateurs le voient et peuvent demander à un membre du jury de plus de les lire avant de décider.",
    short:
      "Les organisateurs voient aussi à quel point le jury s’est accordé, par catégorie et par critère, et quelles œuvres ont moins de membres du jury que prévu.",
    finalTitle: "La finale",
    pairwise:
      "Si les organisateurs tiennent une finale, les œuvres présélectionnées sont comparées deux à deux : un membre du jury voit deux œuvres de la même catégorie côte à côte et choisit la plus forte au regard de la grille. À partir de tous ces choix, un modèle statistique (Bradley–Terry) ordonne les œuvres. Le jury compare jusqu’à ce que l’ordre soit assez fiable (une fiabilité de {{target}}) ou que la phase se termine.",
    finalScores:
      "Si les organisateurs tiennent une finale, chaque membre du jury sans conflit note chaque œuvre présélectionnée avec la même grille, et les œuvres sont classées de la même façon.",
    awardsTitle: "Qui décide des prix",
    awards:
      "Les organisateurs attribuent les prix au vu de ces résultats. La méthode est fixée avant le début de l’évaluation et ne peut plus changer dès qu’un membre du jury a noté.",
  },
  vote: {
    opens: "Le prix du public ouvre le {{date}}.",
    title: "Prix du public",
    intro:
      "Votez pour votre œuvre préférée dans la catégorie {{category}} : un vote par personne et par catégorie. Le vote se clôt le {{date}} ; les décomptes restent cachés jusque-là.",
    cast: "Voter pour « {{title}} »",
    signIn: "Se connecter avec son courriel pour voter",
    why: "Se connecter avec un code envoyé par courriel garantit que chacun vote une fois. Votre adresse n’est jamais affichée et vous pouvez supprimer votre compte à tout moment.",
    votedThis: "Vous avez voté pour cette œuvre dans la catégorie {{category}}. Merci !",
    votedOther: "Vous avez voté pour « {{title}} » dans la catégorie {{category}}.",
    already: "Vous avez déjà voté dans cette catégorie : votre premier vote compte.",
    rateLimited: "Trop de votes sont venus de votre réseau au cours de la dernière heure. Réessayez plus tard.",
    closed: "Le prix du public n’est pas ouvert.",
    count_one: "{{count}} vote",
    count_other: "{{count}} votes",
    chosen: "Prix du public dans la catégorie {{category}}.",
    galleryOpen: "Le prix du public est ouvert jusqu’au {{date}} : ouvrez une œuvre pour voter.",
    apart: "Choisi par les votes des visiteurs, indépendamment des prix du jury.",
  },
  mailbox: {
    title: "Boîte mail de développement",
    intro: "Sans clé Resend, Mosaic dépose ici les e-mails. Cette page n’existe qu’en développement.",
    empty: "Aucun e-mail pour l’instant.",
    to: "À",
    subject: "Objet",
    sent: "Envoyé",
    refresh: "Actualiser",
  },
  account: {
    title: "Mes données",
    downloadTitle: "Télécharger mes données",
    downloadIntro:
      "Un fichier ZIP avec tout ce que Mosaic conserve sur vous : votre profil, les conditions acceptées, vos participations avec leurs textes, déclarations, co-auteurs, autorisations et consentements parentaux, les e-mails envoyés et vos fichiers. Ouvrez data.json dans n’importe quel éditeur de texte ; README.txt explique le reste.",
    download: "Télécharger mes données (ZIP)",
    deleteTitle: "Supprimer mon compte",
    deleteIntro:
      "Supprimer votre compte supprime votre profil, vos brouillons, vos fichiers et vos participations, et vous déconnecte partout. Vous verrez ce qui arrive à chaque participation avant de confirmer.",
    deleteStart: "Supprimer mon compte…",
    deleteWhat:
      "Cela supprime votre profil, votre adresse e-mail, vos fichiers et les e-mails envoyés. C’est définitif.",
    entryDeleted: "« {{title}} » ({{contest}}) : supprimée, avec ses fichiers.",
    entryKept:
      "« {{title}} » ({{contest}}) : le jury l’a déjà évaluée ; sa référence, sa catégorie, ses notes et son éventuel prix restent, sans votre nom, vos textes ni vos fichiers, et elle quitte la galerie.",
    keptWhy:
      "Les résultats d’un concours dépendent des notes de chaque participation évaluée : elles restent, anonymes, sans rien qui mène à vous.",
    downloadFirst: "Vous pouvez d’abord télécharger vos données.",
    confirm: "Je comprends que mon compte et mes données seront supprimés définitivement.",
    confirmNeeded: "Cochez la case pour confirmer.",
    lastAdmin:
      "Vous êtes le seul administrateur : nommez d’abord quelqu’un d’autre administrateur sur la page des personnes.",
    deleteNow: "Supprimer mon compte maintenant",
    keep: "Garder mon compte",
    deletedTitle: "Votre compte a été supprimé",
    deletedText:
      "Votre compte, votre profil, vos fichiers et vos participations ont été supprimés, et vous avez été déconnecté·e. Merci d’avoir participé.",
    home: "Retour à l’accueil",
  },
  myData: {
    readme:
      "Vos données de Mosaic, {{date}}\n\ndata.json contient tout ce que Mosaic conserve sur vous, en texte lisible dans n’importe quel éditeur :\n- account : votre adresse e-mail, votre profil et votre langue\n- termsAccepted : les versions des conditions et de la politique de confidentialité acceptées\n- signedInSessions : vos connexions\n- entries : chaque participation avec ses textes, déclarations, co-auteurs, autorisations, consentements parentaux, décisions de sélection, prix (une fois les résultats publics) et la liste de ses fichiers, chacun avec son empreinte (sha256), qui montre si une copie est bien le même fichier\n- judging : si vous avez été juré·e, vos déclarations et vos grilles de notes\n- emailsSentToYou : les e-mails envoyés (leur contenu est gardé 30 jours après l’envoi)\n\nLe dossier files contient vos fichiers tels que les autres les voient : images sans métadonnées cachées (lieu, appareil).\n\nL’identité des jurés et des organisateurs et les participations des autres ne sont pas incluses.\nVous pouvez supprimer votre compte depuis la page Mes données.\n",
    fingerprintPending: "en cours de calcul : téléchargez à nouveau vos données dans quelques minutes pour l’avoir",
  },
};
