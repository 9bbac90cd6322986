import { msgTypeIds } from '../../simulator/push/push-message';

describe('msgTypeIds (§9.3)', () => {
  it.each([
    [{ type: 'ONLINE' }, [1]],
    [{ type: 'REQACK' }, [5]],
    [{ type: 'MATTR', subtype: 'WRITE' }, [6]],
    [{ type: 'MEVENT', subtype: 'WARN' }, [8]],
    [{ type: 'LOCATION', subtype: 'INFO-KV' }, [13]],
    [{ type: 'ENDUSER', subtype: 'USER-BIND' }, [14]],
    [{ type: 'META_EVENT', subtype: 'DEVICE' }, [15, 102]],
    [{ type: 'ENDUSER', subtype: 'USER-UPDATE' }, [201]],
    [{ type: 'CEP_RULE', subtype: 'NOTICE' }, []],
  ])('should map %j to %j', (message, ids) => {
    expect(msgTypeIds(message)).toEqual(ids);
  });
});
