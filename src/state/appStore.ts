import { createAppStore } from './store';

/** The single store the running app uses. */
export const appStore = createAppStore();
