// French: the default language. Every key here must exist in en.ts (type-checked).
export const fr = {
  'app.name': 'Rapport',
  'app.tagline': "De l'écoute à la victoire",
  'shell.skipToContent': 'Aller au contenu',
  'shell.mainNav': 'Navigation principale',
  'shell.signOut': 'Se déconnecter',
  'shell.signedInAs': 'Connecté·e : {name}',
  'locale.switch': 'English',
  'locale.switchLang': 'en',
  'nav.campaigns': 'Campagnes',
  'nav.allies': 'Allié·es',
  'auth.signIn.title': 'Connexion',
  'auth.signIn.intro': 'Connectez-vous avec votre adresse e-mail et votre mot de passe.',
  'auth.signIn.email': 'Adresse e-mail',
  'auth.signIn.password': 'Mot de passe',
  'auth.signIn.submit': 'Se connecter',
  'auth.signIn.submitting': 'Connexion…',
  'auth.signIn.errorTitle': 'La connexion a échoué',
  'auth.signOut.pending': 'Déconnexion…',
  'error.network': 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
  'campaigns.title': 'Campagnes',
  'campaigns.empty': 'Aucune campagne pour le moment.',
  'allies.title': 'Espace allié·es',
  'allies.empty': 'Les prochaines actions et les victoires à fêter apparaîtront ici.',
  'notFound.title': 'Page introuvable',
  'notFound.body': "Cette adresse ne correspond à aucune page.",
  'notFound.home': "Revenir à l'accueil",
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;
