import { gcjToBd, wgsToGcj } from '../../simulator/geo/coordinate-systems';
import { nmeaCoordinate, nmeaSentence } from '../../simulator/geo/nmea';

describe('coordinate systems', () => {
  // The §6.5 getlocation example carries one fix in all three systems.
  const wgs = { lat: 31.822269439697266, lng: 117.11640167236328 };

  it('should convert WGS-84 to the GCJ-02 of the reference example', () => {
    const gcj = wgsToGcj(wgs);
    expect(gcj.lat).toBeCloseTo(31.820436517272384, 5);
    expect(gcj.lng).toBeCloseTo(117.12202697843334, 5);
  });

  it('should convert GCJ-02 to the BD-09 of the reference example', () => {
    const bd = gcjToBd(wgsToGcj(wgs));
    expect(bd.lat).toBeCloseTo(31.826790506073646, 5);
    expect(bd.lng).toBeCloseTo(117.12844898451473, 5);
  });

  it('should leave coordinates outside China unchanged in GCJ-02', () => {
    expect(wgsToGcj({ lat: 48.1372, lng: 11.5756 })).toEqual({ lat: 48.1372, lng: 11.5756 });
  });
});

describe('NMEA', () => {
  it('should render degrees as ddmm.mmmm and dddmm.mmmm', () => {
    expect(nmeaCoordinate(31.822269439697266, 2)).toBe('3149.3362');
    expect(nmeaCoordinate(117.11640167236328, 3)).toBe('11706.9841');
    expect(nmeaCoordinate(-3.5, 2)).toBe('0330.0000');
  });

  it('should append the XOR checksum', () => {
    expect(nmeaSentence('GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,')).toBe(
      '$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47',
    );
  });
});
