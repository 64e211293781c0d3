import { Contact } from './contact.entity.js';

export { Contact };
export const CONTACTS_ENTITIES = [Contact];
