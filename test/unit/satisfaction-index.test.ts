import { SKM_ELEMENTS } from '../../forms/defaults/feedback-forms';
import { satisfactionIndex, satisfactionIndexOfTotals, type SkmScores } from '../../server/feedback/satisfaction-index';

const all = (score: number): SkmScores => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score])) as SkmScores;

describe('the satisfaction index (IKM, PermenPANRB 14/2017)', () => {
  test('when there are no ratings, then there is no index', () => {
    expect(satisfactionIndex([])).toBeNull();
  });

  test('when every element is rated the same, then the index is that score and the IKM is it × 25, from 25 to 100', () => {
    expect(satisfactionIndex([all(4)])).toMatchObject({ ratings: 1, index: 4, ikm: 100, grade: 'A', performance: { id: 'Sangat baik', en: 'Very good' } });
    expect(satisfactionIndex([all(1)])).toMatchObject({ index: 1, ikm: 25, grade: 'D', performance: { id: 'Tidak baik' } });
    expect(satisfactionIndex([all(3)])).toMatchObject({ index: 3, ikm: 75, grade: 'C', performance: { id: 'Kurang baik' } });
  });

  test('when ratings differ, then each element\'s mean weighs 1/9 of the index', () => {
    const first = { ...all(3), requirements: 4, cost: 4 };
    const second = { ...all(4), serviceTime: 2, facilities: 2 };
    const result = satisfactionIndex([first, second]);
    expect(result?.elements).toEqual({
      requirements: 4, procedure: 3.5, serviceTime: 2.5, cost: 4, product: 3.5, staffCompetence: 3.5, staffBehaviour: 3.5, complaintHandling: 3.5, facilities: 2.5,
    });
    // (4 + 3.5 + 2.5 + 4 + 3.5 × 4 + 2.5) / 9 = 30.5 / 9
    expect(result?.index).toBe(3.389);
    expect(result?.ikm).toBe(84.72);
    expect(result?.grade).toBe('B');
    expect(result?.ratings).toBe(2);
  });

  test('when the same ratings arrive as a count and sums per element (a GROUP BY), then the index is the same', () => {
    const ratings = [{ ...all(3), requirements: 4, cost: 4 }, { ...all(4), serviceTime: 2, facilities: 2 }, all(1)];
    const totals = Object.fromEntries(SKM_ELEMENTS.map((e) => [e, ratings.reduce((sum, r) => sum + r[e], 0)])) as SkmScores;
    expect(satisfactionIndexOfTotals(ratings.length, totals)).toEqual(satisfactionIndex(ratings));
    expect(satisfactionIndexOfTotals(0, all(0))).toBeNull();
  });

  test('when IKMs fall in different bands (A from 88.31, B from 76.61, C from 65.00, else D), then each gets its grade', () => {
    // 3 of 9 elements at 4, the rest at 3: (12 + 18) / 9 × 25 = 83.33.
    expect(satisfactionIndex([{ ...all(3), requirements: 4, procedure: 4, serviceTime: 4 }])).toMatchObject({ ikm: 83.33, grade: 'B' });
    const ratings = [...Array.from({ length: 7 }, () => all(4)), all(3), all(3), all(3)];
    // 3.7 × 25 = 92.5
    expect(satisfactionIndex(ratings)).toMatchObject({ ikm: 92.5, grade: 'A' });
    expect(satisfactionIndex([all(2), all(4), all(3), all(3)])).toMatchObject({ ikm: 75, grade: 'C' });
    expect(satisfactionIndex([all(2), all(3), all(3)])).toMatchObject({ ikm: 66.67, grade: 'C' });
    expect(satisfactionIndex([all(2), all(2), all(3)])).toMatchObject({ ikm: 58.33, grade: 'D' });
  });
});
