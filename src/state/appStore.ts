import { createAppStore } from './store';
import { tabStorage } from './trainView';

/** The single store the running app uses. */
export const appStore = createAppStore(undefined, tabStorage());
