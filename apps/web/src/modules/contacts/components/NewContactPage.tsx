import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from '../../../router';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { CreateContactMutation } from '../graphql/saveContact';
import { ContactForm } from './ContactForm';

/** /contacts/new — a person met elsewhere than at the door (a meeting, a phone call). */
export function NewContactPage() {
  const t = useT();
  const navigate = useNavigate();
  usePageTitle(t('contactForm.newTitle'));
  const [create] = useMutation(CreateContactMutation, { refetchQueries: ['Contacts'] });
  return (
    <article className="page">
      <p>
        <Link to="/contacts">{t('contact.back')}</Link>
      </p>
      <h1>{t('contactForm.newTitle')}</h1>
      <ContactForm
        submitLabel={t('contactForm.create')}
        onSubmit={async (input) => {
          const result = await create({ variables: { input } });
          if (result.data) await navigate(`/contacts/${result.data.createContact.id}`);
        }}
        onCancel={() => void navigate('/contacts')}
        onUseExisting={(person) => void navigate(`/contacts/${person.id}`)}
      />
    </article>
  );
}
