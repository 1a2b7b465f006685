// A sample portal page: embeds the app from its own origin (another port),
// prefills what the portal knows, and receives the submission.
import { embed } from '../embed/wengang-embed.js';

const params = new URLSearchParams(location.search);
const appUrl = params.get('app') ?? 'http://127.0.0.1:8080/';
const status = document.getElementById('status');
const received = document.getElementById('received');

embed(document.getElementById('widget'), {
  appUrl,
  // What a portal knows after its own login.
  prefill: {
    applicant: { name: '苏州示例精密机械有限公司', credit_code: '91320594MA1MXL2K87' },
    contact: { name: '王芳', phone: '13912345678' },
  },
  onReady: (message) => {
    document.body.dataset.widget = `ready v${message.version}`;
  },
  onSubmission: (submission) => {
    received.textContent = JSON.stringify(submission, null, 2);
    status.textContent = `已收到提交 / received: ${submission.application.applicant.name}, `
      + `refund ${submission.decision.refund}, digest ${submission.digest}`;
  },
});
