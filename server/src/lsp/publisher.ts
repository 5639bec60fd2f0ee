import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { ProjectFolder } from '../service/projectFolder';

/**
 * Sends diagnostics to the client and remembers which URIs show some, so that what must be
 * cleared (a folder removed, a setting flipped) can be.
 */
export class Publisher {
  /** URIs with diagnostics on screen, and their folder. */
  private readonly published = new Map<string, ProjectFolder>();

  constructor(
    private readonly connection: Connection,
    private readonly isOpen: (uri: string) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  publish(uri: string, diagnostics: LspDiagnostic[], folder: ProjectFolder | undefined, version?: number): void {
    const hadDiagnostics = this.published.has(uri);
    if (diagnostics.length > 0 && folder) this.published.set(uri, folder);
    else this.published.delete(uri);
    // A closed file that showed nothing and shows nothing needs no message; open ones always get one.
    if (diagnostics.length === 0 && !hadDiagnostics && !this.isOpen(uri)) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics }).catch((e: unknown) => this.log(`publish: ${String(e)}`));
  }

  /** Clears a URI if it shows anything. */
  clear(uri: string): void {
    if (this.published.has(uri)) this.publish(uri, [], undefined);
  }

  /** The URIs of a folder that show diagnostics now. */
  shownIn(folder: ProjectFolder): string[] {
    return [...this.published].filter(([, f]) => f === folder).map(([uri]) => uri);
  }
}
