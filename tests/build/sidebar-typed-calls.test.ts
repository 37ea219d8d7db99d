// The page's calls are typed by the server module: calling a function that does not exist, or with the wrong
// argument, is a compile error (checked by `npm run typecheck`; the lines below must stay errors).
import { call } from '../../src/sidebar/page/server';

/** Never run: only compiled. */
export function wrongCalls(): void {
  // @ts-expect-error no such server function
  void call('sidebarDeleteEverything');
  // @ts-expect-error the card takes { studentId }
  void call('sidebarStudent', { id: '1001' });
  // @ts-expect-error the first call takes no argument
  void call('sidebarStart', 1);
  // @ts-expect-error a contact needs its fields
  void call('sidebarLogContact', { studentId: '1001' });
}

describe('typed sidebar calls', () => {
  it('are a module the page compiles against (the wrong calls above are compile errors)', () => {
    expect(typeof call).toBe('function');
  });
});
