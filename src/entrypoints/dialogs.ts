// The small dialogs for the entries that set a step: a form whose script calls one server function and shows its
// answer; on a refusal or a failure the form keeps what was typed.

interface Field {
  id: string;
  label: string;
  input: string;
}

const STYLE = `
body{font:13px Arial,sans-serif;color:#202124;margin:0;padding:12px}
label{display:block;font-weight:bold;margin:10px 0 4px}
input,select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:6px;border:1px solid #dadce0;border-radius:4px}
textarea{height:90px}
button{margin-top:12px;background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:8px 16px;font:inherit;cursor:pointer}
button:disabled{background:#9aa0a6}
#result{margin-top:10px;white-space:pre-wrap}
.error{color:#c5221f}.ok{color:#188038}`;

function page(intro: string, fields: Field[], call: string, payload: string): string {
  const inputs = fields.map((f) => `<label for="${f.id}">${f.label}</label>${f.input}`).join('\n');
  return `<!DOCTYPE html><html><head><base target="_top"><style>${STYLE}</style></head><body>
<p>${intro}</p>
<form id="form">${inputs}<button id="send" type="submit">Save to the record</button></form>
<div id="result" role="status" aria-live="polite"></div>
<script>
var form=document.getElementById('form'),send=document.getElementById('send'),out=document.getElementById('result');
function v(id){return document.getElementById(id).value;}
function show(r){send.disabled=false;out.className=r&&r.ok?'ok':'error';out.textContent=r?r.message:'No answer.';if(r&&r.ok)form.reset();}
form.addEventListener('submit',function(e){e.preventDefault();send.disabled=true;out.className='';out.textContent='Saving…';
google.script.run.withSuccessHandler(show).withFailureHandler(function(err){show({ok:false,message:'Not saved: '+(err&&err.message?err.message:err)+'. What you typed is kept; try again.'});}).${call}(${payload});});
</script></body></html>`;
}

const today = (day: string) => `<input id="date" type="date" required value="${day}" max="${day}">`;

/** Attendance → Adjust a step…: only administrators; the server checks the role again. */
export function stepAdjustmentDialog(day: string): string {
  return page(
    'Set a student to a lower step, with the reason. Only an administrator may (the role is given with Add or change a staff member…); the entry is sealed in the record.',
    [
      { id: 'studentId', label: 'Student ID', input: '<input id="studentId" required autocomplete="off">' },
      {
        id: 'step',
        label: 'Step to set',
        input: `<select id="step">${[0, 1, 2, 3, 4, 5].map((s) => `<option>${s}</option>`).join('')}</select>`,
      },
      { id: 'date', label: 'Date', input: today(day) },
      { id: 'reason', label: 'Reason', input: '<textarea id="reason" required maxlength="5000"></textarea>' },
    ],
    'submitStepAdjustment',
    "{studentId:v('studentId'),step:Number(v('step')),date:v('date'),reason:v('reason')}",
  );
}

/** Attendance → Court referral decision…: only district specialists; the server checks the role again. */
export function courtDecisionDialog(day: string): string {
  return page(
    'Record the decision to refer a student to court. Only a district specialist may, once the student is at step 4 and the district interventions are documented.',
    [
      { id: 'studentId', label: 'Student ID', input: '<input id="studentId" required autocomplete="off">' },
      { id: 'date', label: 'Date of the decision', input: today(day) },
      {
        id: 'reason',
        label: 'Why (what was tried, what failed)',
        input: '<textarea id="reason" required maxlength="5000"></textarea>',
      },
    ],
    'submitCourtDecision',
    "{studentId:v('studentId'),date:v('date'),reason:v('reason')}",
  );
}

/** Attendance → Add or change a staff member…: only administrators; the server checks the role again. */
export function staffMemberDialog(roles: readonly string[]): string {
  return page(
    'Give a person their role. Only a role given here counts: a role typed on the Staff tab grants nothing.',
    [
      { id: 'email', label: 'Email', input: '<input id="email" type="email" required autocomplete="off">' },
      { id: 'name', label: 'Name', input: '<input id="name" autocomplete="off">' },
      {
        id: 'role',
        label: 'Role',
        input: `<select id="role">${roles.map((r) => `<option>${r}</option>`).join('')}</select>`,
      },
    ],
    'submitStaffMember',
    "{email:v('email'),name:v('name'),role:v('role')}",
  );
}
