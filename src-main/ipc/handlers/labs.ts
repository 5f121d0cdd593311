/** Lab and classroom requests: thin over the lab session and the classroom (services). */
import type { HandlersOf } from '../contract/index.js';
import type { labsRequests } from '../contract/labs.js';
import type { IpcServices } from '../context.js';

export function labsHandlers(services: IpcServices): HandlersOf<typeof labsRequests> {
  const { labs, classroom } = services;
  return {
    async 'labs.list'() {
      return labs.list();
    },
    async 'labs.open'({ id }) {
      return labs.open(id);
    },
    async 'labs.current'() {
      return { lab: await labs.current() };
    },
    async 'labs.close'() {
      return labs.close();
    },
    async 'labs.gax.update'({ patch }) {
      return labs.updateGax(patch);
    },
    async 'labs.extraOptions.remove'({ name }) {
      return labs.removeExtraOption(name);
    },
    async 'labs.export'() {
      return { files: await labs.exportFiles() };
    },
    async 'labs.handout.tokenUuid'({ id }) {
      return labs.handoutTokenUuid(id);
    },
    async 'labs.check'() {
      return labs.check();
    },
    async 'labs.hint'({ id }) {
      return labs.hint(id);
    },
    async 'labs.reveal'({ id }) {
      return labs.reveal(id);
    },
    async 'labs.reset'({ id }) {
      return labs.reset(id);
    },
    async 'labs.classroom.status'() {
      return { classroom: classroom.view(), interfaces: classroom.interfaces() };
    },
    async 'labs.classroom.start'({ host, port, tls }) {
      const view = await classroom.start(host, port, tls);
      return { classroom: view, mockcs: services.frontMockCs().view() };
    },
    async 'labs.classroom.stop'() {
      const view = await classroom.stop();
      return { classroom: view, mockcs: services.frontMockCs().view() };
    },
  };
}
