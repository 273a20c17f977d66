/** The class names that apply, space-separated. */
export const cx = (...names: Array<string | false | undefined | null>) => names.filter(Boolean).join(' ');
