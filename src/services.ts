// The shared services every feature receives: sites, the output channel, the extension context.
import * as vscode from 'vscode';
import { SiteService } from './host/site';

/** What `activate` builds once and hands to each `registerX`. */
export interface Services {
  context: vscode.ExtensionContext;
  sites: SiteService;
  output: vscode.LogOutputChannel;
}

/** Creates the services (registered for disposal on the context). */
export function createServices(context: vscode.ExtensionContext): Services {
  const output = vscode.window.createOutputChannel('Post Desk', { log: true });
  const sites = new SiteService();
  context.subscriptions.push(output, sites);
  return { context, sites, output };
}
