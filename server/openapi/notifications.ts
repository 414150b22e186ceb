import { NOTIFICATION_KINDS } from '../../activities/notifications';
import { COOKIE_WRITE_SECURITY, jsonBody, jsonResponse, nullable, parameterRef, responseRef, schemaRef } from './refs';
import type { JsonObject, OpenApiArea } from './types';

const kind: JsonObject = { type: 'string', enum: [...NOTIFICATION_KINDS] };
const language: JsonObject = { type: 'string', enum: ['id', 'en'] };
const preferences = jsonResponse('My preferences.', schemaRef('NotificationPreferences'));

/** /api/notifications: the bell (in-app notifications) and each user's e-mail preferences. */
export const notificationsArea: OpenApiArea = {
  tags: [{
    name: 'notifications',
    description: 'The signed-in user\'s notifications (the bell) and e-mail preferences. Every case event that concerns someone '
      + 'becomes one notification, and one e-mail unless they turned that kind off.',
  }],
  paths: {
    '/api/notifications': {
      get: {
        operationId: 'listNotifications',
        summary: 'My notifications, newest first, a page at a time, with how many are unread',
        description: 'The subject is in the language of Accept-Language (the page\'s), not the e-mail language of the preferences.',
        tags: ['notifications'],
        parameters: [parameterRef('Limit'), parameterRef('Cursor'), parameterRef('AcceptLanguage')],
        responses: {
          200: jsonResponse('A page.', schemaRef('NotificationPage')),
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
        },
      },
    },
    '/api/notifications/read-all': {
      post: {
        operationId: 'markAllNotificationsRead',
        summary: 'Mark every notification of mine read',
        tags: ['notifications'],
        security: COOKIE_WRITE_SECURITY,
        responses: {
          204: { description: 'Done (also when none was unread).' },
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
        },
      },
    },
    '/api/notifications/{id}/read': {
      post: {
        operationId: 'markNotificationRead',
        summary: 'Mark one notification read; marking it again changes nothing',
        tags: ['notifications'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [{
          name: 'id', in: 'path', required: true,
          description: 'The notification id as listed. It contains "/", so percent-encode it (encodeURIComponent).',
          schema: { type: 'string' },
        }],
        responses: {
          204: { description: 'Read.' },
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          404: jsonResponse('NOTIFICATION_NOT_FOUND: no such notification of mine.', schemaRef('ErrorBody')),
        },
      },
    },
    '/api/notifications/preferences': {
      get: {
        operationId: 'getNotificationPreferences',
        summary: 'My e-mail language and the notification kinds I get no e-mail for',
        tags: ['notifications'],
        responses: {
          200: preferences,
          401: responseRef('Unauthenticated'),
        },
      },
      put: {
        operationId: 'updateNotificationPreferences',
        summary: 'Change my e-mail language, or the kinds I get no e-mail for',
        description: 'Absent fields stay as they are; emailOptOut replaces the whole list (duplicates dropped). The bell shows every kind regardless.',
        tags: ['notifications'],
        security: COOKIE_WRITE_SECURITY,
        parameters: [parameterRef('AcceptLanguage')],
        requestBody: jsonBody({
          type: 'object',
          properties: {
            language: { ...language, description: 'The language of my e-mail.' },
            emailOptOut: { type: 'array', items: kind, description: 'The kinds to send no e-mail for; [] for all of them.' },
          },
        }),
        responses: {
          200: preferences,
          400: responseRef('BadRequest'),
          401: responseRef('Unauthenticated'),
          403: responseRef('Forbidden'),
          422: responseRef('ValidationFailed'),
        },
      },
    },
  },
  schemas: {
    Notification: {
      type: 'object',
      required: ['id', 'kind', 'caseId', 'caseTitle', 'stepId', 'actor', 'subject', 'createdAt', 'readAt'],
      properties: {
        id: { type: 'string', description: 'caseId/event seq/login/kind: one case event notifies a person of it once.' },
        kind,
        caseId: { type: 'string' },
        caseTitle: { type: 'string' },
        stepId: { type: ['string', 'null'] },
        actor: { type: ['string', 'null'], description: 'Login of whoever caused it; null when no person did (a timer).' },
        subject: { type: 'string', description: 'One line, in the language of Accept-Language.' },
        createdAt: { type: 'string', format: 'date-time' },
        readAt: nullable({ type: 'string', format: 'date-time' }),
      },
    },
    NotificationPage: {
      type: 'object',
      required: ['unread', 'items', 'nextCursor'],
      properties: {
        unread: { type: 'integer', minimum: 0, description: 'All my unread notifications, not only this page\'s.' },
        items: { type: 'array', items: schemaRef('Notification') },
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page.' },
      },
    },
    NotificationPreferences: {
      type: 'object',
      required: ['language', 'email', 'emailOptOut', 'kinds'],
      properties: {
        language,
        email: { type: ['string', 'null'], description: 'Where e-mail goes; null: no e-mail at all.' },
        emailOptOut: { type: 'array', items: kind, uniqueItems: true },
        kinds: { type: 'array', items: kind, description: 'Every kind there is, for the settings page.' },
      },
    },
  },
};
