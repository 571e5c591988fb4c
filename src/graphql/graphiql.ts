import fs from 'node:fs/promises';
import path from 'node:path';
import type { GraphiQLOptions } from 'graphql-yoga';
import { CONSOLE_BUILD_DIR } from '../http/console.js';

// GraphiQL at /graphql (in a browser). Its assets are inlined by @graphql-yoga/render-graphiql,
// so the page needs nothing from the internet. The page (about 9 MB) is rendered once at install,
// beside the console (src/console/build.ts), and read from disk for each visit: a server that
// imported the renderer would hold the whole page and its sources in memory for its lifetime.
//
// Subscriptions go over SSE (POST /graphql with Accept: text/event-stream), not graphql-ws:
// GraphiQL sends the Headers tab's headers with every fetch, SSE included, whereas its
// graphql-ws transport sends only the connectionParams fixed when the page is rendered, so
// connection_init would carry no token and be refused (4403). graphql-ws on the same path is
// still there for programmatic clients (connectionParams.authorization).

/** The document GraphiQL opens on the first visit (later visits restore the user's tabs). */
export const GRAPHIQL_DEFAULT_DOCUMENT = `# Tidings: webhooks for your platform.
#
# To authenticate, open the Headers tab (below the editor) and enter
#
#   {"authorization": "Bearer <token>"}
#
# with the admin token or an application key. Every request of this page sends it,
# subscriptions included.
#
# Run an operation with Ctrl-Enter or the play button. A subscription keeps running and
# shows each delivery as it is created, attempted and settled.

query EventTypes {
  eventTypes {
    name
    description
  }
}

subscription LiveDeliveries {
  deliveryUpdated {
    id
    status
    eventType
    attemptCount
  }
}
`;

export const graphiqlOptions: GraphiQLOptions = {
  title: 'Tidings',
  subscriptionsProtocol: 'SSE',
  defaultQuery: GRAPHIQL_DEFAULT_DOCUMENT,
};

/** The file name of the rendered page in the console's build folder. */
export const GRAPHIQL_PAGE = 'graphiql.html';

/** yoga's renderGraphiQL: the page rendered at install, or how to build it. */
export async function readGraphiQLPage(): Promise<string> {
  try {
    return await fs.readFile(path.join(CONSOLE_BUILD_DIR, GRAPHIQL_PAGE), 'utf8');
  } catch {
    return '<!doctype html><title>Tidings</title><p>GraphiQL is not built. Run <code>npm run console:build</code> (npm install runs it); POST /graphql works meanwhile.</p>';
  }
}
