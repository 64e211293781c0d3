import { Conversation } from './conversation.entity.js';
import { Issue } from './issue.entity.js';
import { RaisedIssue } from './raised-issue.entity.js';

export { Conversation, Issue, RaisedIssue };
export const CONVERSATIONS_ENTITIES = [Conversation, Issue, RaisedIssue];
