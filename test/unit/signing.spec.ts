import { signLogin } from '../../src/auth/signing';

describe('signLogin', () => {
  // Public test vector from the platform docs (reference §2.1).
  const credentials = { accessKey: '24b9zicjuns41H6MDg71AMnP', accessSecret: '6AE3p2SnA9ShP7ofigrccoeeks8DDoteJ1jUUTEz' };

  it('should reproduce the documented password for the documented timestamp', () => {
    const query = signLogin(credentials, 1743059249391);
    expect(query.password).toBe('34fe86986230670cba424cadd01ded50f04929de3bfb0b0aef033ccee314fed1');
    expect(query.grant_type).toBe('password');
  });

  it('should URI-encode the username exactly as documented when sent as a query parameter', () => {
    const query = signLogin(credentials, 1743059249391);
    const encoded = new URLSearchParams({ username: query.username }).toString();
    expect(encoded).toBe(
      'username=ver%3D1%26auth_mode%3DaccessKey%26sign_method%3Dsha256%26access_key%3D24b9zicjuns41H6MDg71AMnP%26timestamp%3D1743059249391',
    );
  });

  it('should change the password when the timestamp changes', () => {
    expect(signLogin(credentials, 1743059249392).password).not.toBe(signLogin(credentials, 1743059249391).password);
  });
});
