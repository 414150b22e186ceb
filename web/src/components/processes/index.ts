export { ProcessesPage, ProcessPage } from './processes-page';
