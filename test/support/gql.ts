import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

// GraphQL over HTTP for tests. A failure prints the operation, the variables and what came back,
// so a red test explains itself (after the GraphQL Hive test kit).

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResult<R> {
  status: number;
  data?: R | null;
  errors?: GqlError[];
}

function describe(doc: DocumentNode | string, variables: unknown, result: unknown): string {
  const query = typeof doc === 'string' ? doc : print(doc);
  return `\n--- operation ---\n${query}\n--- variables ---\n${JSON.stringify(variables, null, 2)}\n--- result ---\n${JSON.stringify(result, null, 2)}`;
}

export class GqlClient {
  constructor(readonly url: string, readonly token?: string) {}

  async execute<R, V>(doc: TypedDocumentNode<R, V> | string, variables?: V): Promise<GqlResult<R>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: typeof doc === 'string' ? doc : print(doc), variables }),
    });
    const body = (await res.json()) as GqlResult<R>;
    return { ...body, status: res.status };
  }

  /** The data of a call that must succeed. */
  async run<R, V>(doc: TypedDocumentNode<R, V> | string, variables?: V): Promise<R> {
    const result = await this.execute(doc, variables);
    if (result.errors?.length || !result.data) throw new Error(`expected success, got errors${describe(doc as DocumentNode, variables, result)}`);
    return result.data;
  }

  /** The first error of a call that must fail, checked to carry `code`. */
  async fail<R, V>(doc: TypedDocumentNode<R, V> | string, variables: V | undefined, code: string): Promise<GqlError> {
    const result = await this.execute(doc, variables);
    const error = result.errors?.[0];
    if (!error || error.extensions?.code !== code) {
      throw new Error(`expected an error with code ${code}${describe(doc as DocumentNode, variables, result)}`);
    }
    return error;
  }
}
