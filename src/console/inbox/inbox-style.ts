/** The inbox page's stylesheet: a wide, dense list in the manner of Chatwoot's conversation list. */
export const INBOX_STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:80rem;margin:1rem auto;padding:1rem 1.5rem;background:#fff;border-radius:8px}
.top{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}.top h1{margin:0;font-size:1.4rem}
.top form{margin-left:auto}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0;padding:.75rem;background:#f0f2f5;border-radius:6px}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
.filters label.check{flex-direction:row;gap:.3rem;align-items:center}
input,select,button{font:inherit;padding:.3rem .4rem}button{cursor:pointer}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;color:#57606a}
.grade{display:inline-block;padding:0 .4rem;border-radius:4px;background:#e3e6ea}
.grade-hot .grade{background:#fde2e1;color:#a4161a}.grade-warm .grade{background:#fff1d6;color:#8a5300}
.waiting{color:#a4161a;font-weight:600}.live{font-size:.75rem;color:#1a7f37}
.summary{color:#3d444d}.pager{display:flex;gap:1rem;margin-top:1rem}
#inbox-alert:empty{display:none}#inbox-alert{position:fixed;right:1rem;bottom:1rem;background:#1b1f24;color:#fff;padding:.6rem 1rem;border-radius:6px}
:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;
