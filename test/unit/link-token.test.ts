// The browser-mode link carries its token in the fragment, alone or after a route;
// the page takes it out and keeps the route as it was.
import { describe, expect, it } from 'vitest';
import { takeTokenFromHash } from '../../renderer/api/token.js';

describe('taking the token out of a link', () => {
  it('takes a token that is the whole fragment, leaving no fragment', () => {
    expect(takeTokenFromHash('#token=abc-DEF_123')).toEqual({ token: 'abc-DEF_123', hash: '' });
  });

  it('takes a token that follows a route, keeping the route and its other parameters', () => {
    expect(takeTokenFromHash('#/study/s1/board?token=abc')).toEqual({ token: 'abc', hash: '#/study/s1/board' });
    expect(takeTokenFromHash('#/study/s1/board?focus=f1&token=abc')).toEqual({ token: 'abc', hash: '#/study/s1/board?focus=f1' });
    expect(takeTokenFromHash('#/?token=abc')).toEqual({ token: 'abc', hash: '#/' });
  });

  it('leaves a fragment without a token as it is', () => {
    expect(takeTokenFromHash('')).toEqual({ token: null, hash: '' });
    expect(takeTokenFromHash('#/trash')).toEqual({ token: null, hash: '#/trash' });
    expect(takeTokenFromHash('#/study/s1?focus=f1')).toEqual({ token: null, hash: '#/study/s1?focus=f1' });
  });

  it('drops an empty token from the address without adopting it', () => {
    expect(takeTokenFromHash('#token=')).toEqual({ token: null, hash: '' });
  });
});
