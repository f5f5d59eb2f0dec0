/** The templates pages' stylesheet (Typebot-like: a calm editor, panels side by side). */
export const TEMPLATES_STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:80rem;margin:1rem auto;padding:1rem 1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.4rem;margin:.25rem 0}h2{font-size:1.1rem;margin:1rem 0 .5rem}
.console-nav{display:flex;gap:1rem;padding:.25rem 0 .75rem;border-bottom:1px solid #e3e6ea}
.console-nav a[aria-current]{font-weight:700;text-decoration:none;color:inherit}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eceff2;vertical-align:top}
.muted{color:#5b6470}.live{background:#e6f4ea;color:#1e6b34;border-radius:4px;padding:0 .35rem;font-size:.85em}
.studio{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
@media (max-width:60rem){.studio{grid-template-columns:1fr}}
#editor-host .cm-editor{border:1px solid #c9ced6;border-radius:6px;min-height:18rem;font-size:14px}
#editor-host .cm-problem-line{background:#fdecea}
#template-source{width:100%;min-height:18rem;font:14px/1.4 ui-monospace,monospace;box-sizing:border-box}
#problems ul{margin:.5rem 0;padding-left:1.2rem}.problem-error{color:#a3261b}.problem-warning{color:#8a5a00}
#problems .ok{color:#1e6b34}
.tabs{display:flex;gap:.25rem;flex-wrap:wrap}.tabs button{font:inherit;padding:.25rem .75rem;border:1px solid #c9ced6;background:#fff;border-radius:999px;cursor:pointer}
.tabs button[aria-selected=true]{background:#1a5fd0;color:#fff;border-color:#1a5fd0}
.bubble{background:#eef2f7;border-radius:12px;padding:.5rem .75rem;margin:.5rem 0;white-space:pre-wrap}
.kind{font-size:.8em;color:#5b6470;text-transform:uppercase;letter-spacing:.04em;margin-top:.75rem}
.replies{display:flex;gap:.35rem;flex-wrap:wrap}.replies span{border:1px solid #1a5fd0;color:#1a5fd0;border-radius:999px;padding:.1rem .6rem;font-size:.9em}
button{font:inherit;padding:.4rem .9rem;cursor:pointer}input,select{font:inherit;padding:.3rem}
.publish{display:flex;gap:.5rem;align-items:end;margin-top:.75rem}.publish label{flex:1}.publish input{width:100%;box-sizing:border-box}
.notice{background:#e6f4ea;padding:.5rem .75rem;border-radius:6px}.error{background:#fdecea;padding:.5rem .75rem;border-radius:6px}
#diff-lines{font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap;border:1px solid #eceff2;border-radius:6px;padding:.5rem}
#diff-lines:empty{display:none}.diff-added{background:#e6f4ea}.diff-removed{background:#fdecea;text-decoration:line-through}
footer{margin-top:2rem}:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;
