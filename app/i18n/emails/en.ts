/**
 * English: the messages of the emails, written on the server only. Every other locale falls back
 * to these keys.
 */
export const en = {
  email: {
    feedback: {
      subject: "{{contest}}: the judges' notes on “{{title}}”",
      heading: "What the judges said",
      body: "The judges of {{contest}} wrote these notes on your entry {{code}} “{{title}}”. They read your work blind, without your name, and you read their notes without theirs.",
      closing: "Thank you for what you made. We hope the notes help with what you make next.",
      button: "See my entry",
    },
    guardianAnswered: {
      withdrawn: {
        subject: "{{guardian}} withdrew their consent for your entry “{{title}}”",
        body: "Your parent or guardian {{guardian}} withdrew their consent for your entry to {{contest}}. It will not be shown in the gallery, and if judging had not started it has been withdrawn from the contest.",
      },
      consented: {
        subject: "{{guardian}} consented to your entry “{{title}}”",
        body: "Your parent or guardian {{guardian}} read your entry to {{contest}} and consented. You can submit it now, if you have not yet.",
      },
      refused: {
        subject: "{{guardian}} did not consent to your entry “{{title}}”",
        body: "Your parent or guardian {{guardian}} read your entry to {{contest}} and did not consent, so it cannot be submitted. Talk with them; if you change the entry, you can ask them again from its page.",
      },
      button: "Open my entry",
    },
    organizerNote: "From the organizers",
    roleSubject: "Your new role on Mosaic: {{role}}",
    roleBody: {
      organizer:
        "You can now run contests on Mosaic: set them up, screen entries, invite judges, follow the judging and publish the results.",
      admin:
        "You can now run contests on Mosaic and manage who else may: invite organizers and administrators, change roles and deactivate accounts.",
    },
    roleButton: "Sign in",
    roleSignIn: "Sign in with this email address; Mosaic sends you a code, no password is needed.",
    signInSubject: "Your Mosaic sign-in code: {{code}}",
    signInPreview: "Your code is {{code}}. It works for 10 minutes.",
    signInHeading: "Sign in to Mosaic",
    signInBody: "Type this code on the sign-in page, or use the button below. Both work once, for 10 minutes.",
    signInButton: "Sign in to Mosaic",
    signInIgnore: "If you did not ask to sign in, you can ignore this email; nobody can sign in without this code.",
    receiptSubject: "Entry received: {{code}} — {{title}}",
    receiptPreview: "Your entry {{code}} to {{contest}} is submitted.",
    receiptHeading: "Your entry is submitted",
    receiptBody: "Thank you. We received your entry “{{title}}” in the {{category}} category of {{contest}}.",
    receiptReference: "Your reference: {{code}}",
    receiptEdit: "You can change or withdraw it until {{deadline}}. If you change it, submit it again.",
    receiptButton: "See my entries",
    returnedSubject: "Please change your entry {{code}} — {{title}}",
    returnedHeading: "Your entry needs changes",
    returnedBody:
      "The organizers of {{contest}} looked at your entry {{code}} “{{title}}” and ask you to change something before it can be judged:",
    returnedUntil: "You can change it and submit it again until {{date}}.",
    returnedDeadline: "You can change it and submit it again until the deadline.",
    ineligibleSubject: "Your entry {{code}} — {{title}} is not eligible",
    ineligibleHeading: "Your entry is not eligible",
    ineligibleBody:
      "The organizers of {{contest}} looked at your entry {{code}} “{{title}}” and found that it cannot take part, for this reason:",
    screenedButton: "See my entry",
    invitationSubject: "You are invited to judge {{contest}}",
    invitationHeading: "An invitation to judge",
    invitationBody:
      "The organizers of {{contest}} invite you to be a judge. You will score young people's work against a rubric, without knowing who made it.",
    invitationButton: "Accept the invitation",
    invitationExpires: "The link works once, until {{date}}. Sign in with this email address to accept.",
    reminderSubject: "{{contest}}: scoring closes soon ({{count}} left to score)",
    reminderHeading: "Scoring closes soon",
    reminderBody: "Entries you still have to score in {{contest}}: {{count}}. Scoring closes {{date}}.",
    reminderButton: "Go to my entries",
    results: {
      awardSubject: "{{contest}}: your work won — {{place}}",
      awardHeading: "Congratulations!",
      awardBody:
        "Your entry {{code}} “{{title}}” won {{place}} in {{category}}. It is now in the winners' gallery, with the name you chose to publish.",
      thanksSubject: "{{contest}}: the results are out",
      thanksHeading: "Thank you for taking part",
      thanksBody:
        "The results of {{contest}} are out. Your entry {{code}} “{{title}}” was not among the winners this time, and the judges read every work with care. Thank you for what you made.",
      judgeSubject: "{{contest}}: the results are out",
      judgeHeading: "Thank you for judging",
      judgeBody: "The results of {{contest}} are published. Thank you for the time and care you gave to every entry.",
      button: "See the winners",
    },
    messageFrom: "A message from the organizers of {{contest}}",
    messageButton: "Open Mosaic",
    draftReminderSubject: "{{contest}}: your entry is not submitted yet",
    draftReminderHeading: "Your draft is waiting",
    draftReminderBody:
      "You started an entry for {{contest}} but have not submitted it. Entries close {{deadline}}: submit it before then so the judges can see it.",
    draftReminderButton: "Finish my entry",
    guardianSubject: "{{entrant}} asks for your consent to enter {{contest}}",
    guardianPreview: "Please look at {{entrant}}’s entry and tell us whether you consent.",
    guardianHeading: "Hello {{guardian}}",
    guardianBody:
      "{{entrant}} is entering {{contest}}, a contest for young people, and named you as their parent or legal guardian. Because they are under 18, they need your consent. The button below opens their entry; you can consent or refuse there.",
    guardianButton: "See the entry and answer",
    guardianExpires: "The link works once, until {{date}}.",
    guardianIgnore: "If you do not know this person, you can ignore this email: nothing is done without your answer.",
  },
};

export type EmailMessages = typeof en;
