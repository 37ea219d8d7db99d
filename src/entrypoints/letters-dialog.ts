// Attendance → Letters…: what is due by delivery and language, Preview, and Send, which asks the server for one
// chunk after another (each about 4.5 minutes) and shows the progress.

const STYLE = `
body{font:13px Arial,sans-serif;color:#202124;margin:0;padding:12px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #dadce0;padding:4px 8px;text-align:left}
button{margin:10px 8px 0 0;background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:8px 16px;font:inherit;cursor:pointer}
button.secondary{background:#fff;color:#1a73e8;border:1px solid #dadce0}
button:disabled{background:#9aa0a6;color:#fff}
#result{margin-top:10px;white-space:pre-wrap}.error{color:#c5221f}.ok{color:#188038}`;

/** The dialog page. Its buttons call lettersOverviewCall, previewLettersCall and sendLettersChunkCall. */
export function lettersDialog(): string {
  return `<!DOCTYPE html><html><head><base target="_top"><style>${STYLE}</style></head><body>
<div id="overview">Reading the Letters tab…</div>
<button id="preview" class="secondary">Preview the first letters</button><button id="send">Send</button>
<div id="result" role="status" aria-live="polite"></div>
<details><summary>Do not send a student's letters…</summary>
<label>Student ID <input id="hid" autocomplete="off"></label><br><label>Reason <input id="hreason" size="40"></label><br>
<button id="hold" class="secondary">Do not send</button> <button id="lift" class="secondary">Lift the hold</button></details>
<script>
var out=document.getElementById('result'),bPrev=document.getElementById('preview'),bSend=document.getElementById('send');
function esc(s){return String(s).replace(/[&<>"']/g,function(c){return '&#'+c.charCodeAt(0)+';';});}
function busy(b){bPrev.disabled=b;bSend.disabled=b;}
function fail(err){busy(false);out.className='error';out.textContent='Stopped: '+(err&&err.message?err.message:err)+'. What was sent is recorded on the Letters tab; Send again continues.';}
function overview(o){var h='<b>Letters waiting to go out (a few may need fixing first, see By state): '+o.sendable+'</b><table><tr><th>Delivery</th><th>Language</th><th>Letters</th></tr>';
o.due.forEach(function(d){h+='<tr><td>'+esc(d.delivery)+'</td><td>'+esc(d.language)+'</td><td>'+d.count+'</td></tr>';});
h+='</table>By state: '+o.states.map(function(s){return esc(s.state)+' '+s.count;}).join(', ');
document.getElementById('overview').innerHTML=h;}
function refresh(){google.script.run.withSuccessHandler(overview).withFailureHandler(fail).lettersOverviewCall();}
function chunk(r){out.className=r.ok?'ok':'error';out.textContent=r.message;
if(r.ok&&!r.done){out.textContent+='\\nWorking on the next part…';google.script.run.withSuccessHandler(chunk).withFailureHandler(fail).sendLettersChunkCall();}
else{busy(false);refresh();}}
bPrev.addEventListener('click',function(){busy(true);out.className='';out.textContent='Making the preview…';
google.script.run.withSuccessHandler(function(r){busy(false);out.className=r.ok?'ok':'error';out.textContent=r.message+(r.files&&r.files.length?'\\n'+r.files.join('\\n'):'');}).withFailureHandler(fail).previewLettersCall();});
bSend.addEventListener('click',function(){busy(true);out.className='';out.textContent='Sending…';
google.script.run.withSuccessHandler(chunk).withFailureHandler(fail).sendLettersChunkCall();});
document.getElementById('hold').addEventListener('click',function(){busy(true);
google.script.run.withSuccessHandler(function(r){busy(false);out.className=r.ok?'ok':'error';out.textContent=r.message;refresh();}).withFailureHandler(fail)
.doNotSendCall({studentId:document.getElementById('hid').value,reason:document.getElementById('hreason').value});});
document.getElementById('lift').addEventListener('click',function(){busy(true);
google.script.run.withSuccessHandler(function(r){busy(false);out.className=r.ok?'ok':'error';out.textContent=r.message;refresh();}).withFailureHandler(fail)
.doNotSendCall({studentId:document.getElementById('hid').value,lift:true});});
refresh();
</script></body></html>`;
}
