// The app's drop-down: the native <select> (its keyboard and screen-reader behaviour
// come with it) drawn with the app's own border, radius, colours and chevron instead
// of the platform's, so every screen's choices look alike.
import type { ComponentPropsWithRef } from 'react';

export function Select({ className, ...props }: ComponentPropsWithRef<'select'>) {
  return <select {...props} className={className ? `select ${className}` : 'select'} />;
}
