import { MembershipSettings } from './membership-settings.entity.js';
import { ReceiptCounter } from './receipt-counter.entity.js';
import { DuesPayment } from './dues-payment.entity.js';
import { Membership } from './membership.entity.js';

export { MembershipSettings, ReceiptCounter, DuesPayment, Membership };
export { DEFAULT_MEMBERSHIP_SETTINGS } from './membership-settings.entity.js';
export const MEMBERSHIP_ENTITIES = [MembershipSettings, ReceiptCounter, DuesPayment, Membership];
