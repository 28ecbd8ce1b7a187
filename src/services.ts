// The shared services every feature receives: sites, the workspace model of posts, the output channel, the context.
import * as vscode from 'vscode';
import { PostWorkspace } from './host/postWorkspace';
import { SiteService } from './host/site';

/** What `activate` builds once and hands to each `registerX`. */
export interface Services {
  context: vscode.ExtensionContext;
  sites: SiteService;
  /** Every post of the workspace: one glob, one watcher, one reader, one cache (features read from it). */
  workspace: PostWorkspace;
  output: vscode.LogOutputChannel;
}

/** Creates the services (registered for disposal on the context). */
export function createServices(context: vscode.ExtensionContext): Services {
  const output = vscode.window.createOutputChannel('Post Desk', { log: true });
  const sites = new SiteService();
  const workspace = new PostWorkspace(sites, output);
  context.subscriptions.push(output, sites, workspace);
  return { context, sites, workspace, output };
}
