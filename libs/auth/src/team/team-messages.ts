import type { Locale } from '@rapport/shared';

// The words of the invitation and password-reset emails, in French and English.

export interface TeamMessage {
  subject: string;
  text: string;
}

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  fr: { ORGANISER: 'organisateur·rice', LEADER: 'leader', ALLY: 'allié·e' },
  en: { ORGANISER: 'organiser', LEADER: 'leader', ALLY: 'ally' },
};

export function invitationMessage(locale: Locale, d: { organization: string; inviter: string; role: string; url: string; expiresAt: Date }): TeamMessage {
  const role = ROLE_NAMES[locale][d.role] ?? d.role;
  const until = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d.expiresAt);
  return locale === 'fr'
    ? {
        subject: `${d.inviter} vous invite à rejoindre ${d.organization} sur Rapport`,
        text: `Bonjour,\n\n${d.inviter} vous invite à rejoindre ${d.organization} sur Rapport, comme ${role}.\n\nPour accepter et choisir votre mot de passe, ouvrez ce lien (valable une seule fois, jusqu'au ${until}) :\n${d.url}\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.\n--\nRapport · ${d.organization}`,
      }
    : {
        subject: `${d.inviter} invites you to join ${d.organization} on Rapport`,
        text: `Hello,\n\n${d.inviter} invites you to join ${d.organization} on Rapport, as ${role}.\n\nTo accept and choose your password, open this link (it works once, until ${until}):\n${d.url}\n\nIf you did not expect this invitation, ignore this message.\n--\nRapport · ${d.organization}`,
      };
}

export function passwordResetMessage(locale: Locale, d: { organization: string; url: string }): TeamMessage {
  return locale === 'fr'
    ? {
        subject: 'Rapport : choisir un nouveau mot de passe',
        text: `Bonjour,\n\nUne demande de nouveau mot de passe a été faite pour votre compte Rapport (${d.organization}).\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :\n${d.url}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n--\nRapport · ${d.organization}`,
      }
    : {
        subject: 'Rapport: choose a new password',
        text: `Hello,\n\nSomeone asked for a new password for your Rapport account (${d.organization}).\n\nTo choose a new password, open this link (valid for one hour, once):\n${d.url}\n\nIf you did not ask, ignore this message: your password does not change.\n--\nRapport · ${d.organization}`,
      };
}
