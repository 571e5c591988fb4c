import type { PortalSessionRecord } from '../../domain/records.js';
import { loadApplications } from '../../use-cases/applications.js';
import { createPortalSession, revokePortalSession, type CreatedPortalSession } from '../../use-cases/portal-sessions.js';
import { builder, byId } from './builder.js';
import { ApplicationRef } from './refs.js';

// The application portal: short-lived sign-ins to the console, scoped to one application.

const PortalSessionRef = builder.objectRef<PortalSessionRecord>('PortalSession').implement({
  description: "A short-lived sign-in to the console for one application's developers; its token acts exactly as that application's key.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The session ID (ps_…); revokePortalSession takes it.' }),
    application: t.loadable({
      type: ApplicationRef,
      nullable: true,
      description: 'The one application the token acts as; null once that application is deleted.',
      ...byId(loadApplications),
      resolve: (s) => s.applicationId,
    }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the token stops working.', resolve: (s) => s.expiresAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, description: 'When the session was revoked; null while it is not.', resolve: (s) => s.revokedAt }),
    createdAt: t.field({ type: 'DateTime', description: 'When the session was created.', resolve: (s) => s.createdAt }),
  }),
});

const CreatePortalSessionInput = builder.inputType('CreatePortalSessionInput', {
  description: 'The application whose portal to open, and for how long.',
  fields: (t) => ({
    applicationId: t.id({ required: true, description: 'The application the token acts as.' }),
    expiresIn: t.int({ description: 'Lifetime in seconds, 60 to 604800 (7 days); 3600 when omitted.' }),
  }),
});

const CreatePortalSessionPayload = builder.objectRef<CreatedPortalSession>('CreatePortalSessionPayload').implement({
  description: 'The new portal session: a link to hand to the application, and its token.',
  fields: (t) => ({
    portalSession: t.field({ type: PortalSessionRef, description: 'The session (revokePortalSession takes its id).', resolve: (p) => p.session }),
    url: t.exposeString('url', { description: 'The portal page with the token in its #fragment (browsers never send it to a server): open it, or put it in an iframe.' }),
    token: t.exposeString('token', { description: 'The token, shown this once: only its hash is stored.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the token stops working.', resolve: (p) => p.session.expiresAt }),
  }),
});

const RevokePortalSessionInput = builder.inputType('RevokePortalSessionInput', {
  description: 'The portal session to end.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The session ID (ps_…).' }) }),
});

const RevokePortalSessionPayload = builder.objectRef<{ session: PortalSessionRecord }>('RevokePortalSessionPayload').implement({
  description: 'The revoked portal session.',
  fields: (t) => ({ portalSession: t.field({ type: PortalSessionRef, description: 'The session, with revokedAt set.', resolve: (p) => p.session }) }),
});

builder.mutationFields((t) => ({
  createPortalSession: t.withAuth({ admin: true }).field({
    type: CreatePortalSessionPayload,
    description: "Opens the console for one application's developers (admin only): a token that acts exactly as that application's key until it expires or is revoked.",
    args: { input: t.arg({ type: CreatePortalSessionInput, required: true, description: 'The application and the lifetime.' }) },
    resolve: (_root, { input }, { caller, deps, origin }) => createPortalSession(deps, caller, input, origin),
  }),
  revokePortalSession: t.withAuth({ admin: true }).field({
    type: RevokePortalSessionPayload,
    description: 'Ends a portal session now (admin only): its token is refused from the next request on. NOT_FOUND for an unknown ID.',
    args: { input: t.arg({ type: RevokePortalSessionInput, required: true, description: 'The session to revoke.' }) },
    resolve: async (_root, { input }, { caller, deps }) => ({ session: await revokePortalSession(deps, caller, input.id) }),
  }),
}));
