import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-protocol';
import { InMemoryWorkspaceFs } from '../../server/src/core/workspace/memoryFs';
import { createDecisionService, type DecisionService, type FolderChange } from '../../server/src/service/decisionService';
import type { OpenDocument, OpenDocumentSource } from '../../server/src/service/host';
import type { ProjectFolder } from '../../server/src/service/projectFolder';
import { TODAY } from '../helpers/memoWorkspace';

// The language service in-process, on an in-memory workspace: the tier between the core's
// fixture tests and the protocol tests over stdio. A test opens and edits documents the way the
// editor would and calls the feature functions directly.

export const ROOT = '/workspace';
export const ROOT_URI = 'file:///workspace';

/** The editor's open documents, in memory. */
export class InMemoryDocuments implements OpenDocumentSource {
  private readonly docs = new Map<string, TextDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  set(uri: string, text: string): TextDocument {
    const old = this.docs.get(uri);
    const doc = TextDocument.create(uri, uri.endsWith('.md') ? 'markdown' : 'yaml', (old?.version ?? 0) + 1, text);
    this.docs.set(uri, doc);
    return doc;
  }

  delete(uri: string): void {
    this.docs.delete(uri);
  }
}

export interface ServiceFixture {
  service: DecisionService;
  folder: ProjectFolder;
  fs: InMemoryWorkspaceFs;
  documents: InMemoryDocuments;
  /** Every change the service announced, in order. */
  changes: FolderChange[];
  log: string[];
  uri(rel: string): string;
  /** Opens a document (its disk text unless `text` is given) and checks it, as the editor's first check does. */
  open(rel: string, text?: string): TextDocument;
  /** Replaces an open document's text (a new version) and checks it. */
  edit(rel: string, text: string): TextDocument;
  close(rel: string): void;
  /** The position of the first occurrence of `marker` in an open document (at its start, or `offset` characters in). */
  at(rel: string, marker: string, offset?: number): Position;
}

/** A service on `files` with one indexed folder at /workspace; today is the fixture day. */
export async function serviceOn(files: Record<string, string>, options: { today?: string } = {}): Promise<ServiceFixture> {
  const fs = new InMemoryWorkspaceFs(files, ROOT);
  const documents = new InMemoryDocuments();
  const log: string[] = [];
  const service = createDecisionService({
    fileSystem: () => fs,
    findConfigRoot: () => undefined,
    documents,
    today: () => options.today ?? TODAY,
    log: (m) => log.push(m),
  });
  const changes: FolderChange[] = [];
  service.onDidChange((c) => changes.push(c));
  const folder = service.addFolder(ROOT_URI, 'workspace')!;
  await service.index(folder);
  const uri = (rel: string) => `${ROOT_URI}/${rel}`;
  const fixture: ServiceFixture = {
    service,
    folder,
    fs,
    documents,
    changes,
    log,
    uri,
    open(rel, text) {
      const doc = documents.set(uri(rel), text ?? fs.files.get(rel) ?? '');
      service.documentOpened(doc.uri);
      service.checkDocument(doc.uri);
      return doc;
    },
    edit(rel, text) {
      const doc = documents.set(uri(rel), text);
      service.checkDocument(doc.uri);
      return doc;
    },
    close(rel) {
      documents.delete(uri(rel));
      service.documentClosed(uri(rel));
    },
    at(rel, marker, offset = 0) {
      const doc = documents.get(uri(rel)) as TextDocument | undefined;
      if (!doc) throw new Error(`${rel} is not open`);
      const index = doc.getText().indexOf(marker);
      if (index < 0) throw new Error(`${marker} is not in ${rel}`);
      return doc.positionAt(index + offset);
    },
  };
  return fixture;
}

/** The `textDocument` + `position` of a request. */
export function positionParams(f: ServiceFixture, rel: string, marker: string, offset = 0) {
  return { textDocument: { uri: f.uri(rel) }, position: f.at(rel, marker, offset) };
}
