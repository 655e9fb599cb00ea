import type { ContractInput } from '../models/contract/index.js';

/**
 * The Rotterdam-style preset (scenarios/rotterdam-prestatiecontract-werk.ts) as it was before
 * issue 14 gave its estimates distributions: every input a plain number. The bench contract is
 * built on this frozen copy so that benchmark figures stay comparable across rounds and the
 * "ten uncertain inputs" variant adds exactly ten distributions. Numbers are the preset's at the
 * time, to full precision (monthly rates derived from yearly shares, the CBS fall-back bands).
 */
export const ROTTERDAM_PRESET_BEFORE_ISSUE_14: ContractInput = {
  "name": "Prestatiecontract Werk (Rotterdam-stijl)",
  "startMonth": "2026-01",
  "horizonMonths": 60,
  "programmeMonths": 12,
  "intake": {
    "cohorts": [
      {
        "month": 0,
        "count": 10
      },
      {
        "month": 1,
        "count": 10
      },
      {
        "month": 2,
        "count": 10
      },
      {
        "month": 3,
        "count": 10
      },
      {
        "month": 4,
        "count": 10
      },
      {
        "month": 5,
        "count": 10
      },
      {
        "month": 6,
        "count": 10
      },
      {
        "month": 7,
        "count": 10
      },
      {
        "month": 8,
        "count": 10
      },
      {
        "month": 9,
        "count": 10
      },
      {
        "month": 10,
        "count": 10
      },
      {
        "month": 11,
        "count": 10
      },
      {
        "month": 12,
        "count": 10
      },
      {
        "month": 13,
        "count": 10
      },
      {
        "month": 14,
        "count": 10
      },
      {
        "month": 15,
        "count": 10
      },
      {
        "month": 16,
        "count": 10
      },
      {
        "month": 17,
        "count": 10
      },
      {
        "month": 18,
        "count": 10
      },
      {
        "month": 19,
        "count": 10
      },
      {
        "month": 20,
        "count": 10
      },
      {
        "month": 21,
        "count": 10
      },
      {
        "month": 22,
        "count": 10
      },
      {
        "month": 23,
        "count": 10
      }
    ]
  },
  "profiles": [
    {
      "id": "kort",
      "label": "Minder dan 2 jaar in de bijstand, alleenstaand",
      "share": 0.4,
      "monthlyBenefit": 1283.83,
      "monthsOnBenefitBeforeIntake": 12,
      "administrationCostPerYear": 2883,
      "programme": {
        "monthlyJobEntryRate": 0.07351512752093081,
        "monthlyOtherExitRate": 0.008
      },
      "counterfactual": {
        "monthlyJobEntryRate": 0.012489919487016277,
        "monthlyOtherExitRate": 0.008
      }
    },
    {
      "id": "middel",
      "label": "2 tot 5 jaar in de bijstand, alleenstaand",
      "share": 0.35,
      "monthlyBenefit": 1283.83,
      "monthsOnBenefitBeforeIntake": 36,
      "administrationCostPerYear": 2883,
      "programme": {
        "monthlyJobEntryRate": 0.04859910100174769,
        "monthlyOtherExitRate": 0.006
      },
      "counterfactual": {
        "monthlyJobEntryRate": 0.007828420342483211,
        "monthlyOtherExitRate": 0.006
      }
    },
    {
      "id": "lang",
      "label": "Meer dan 5 jaar in de bijstand, paar",
      "share": 0.25,
      "monthlyBenefit": 1834.04,
      "monthsOnBenefitBeforeIntake": 84,
      "administrationCostPerYear": 2883,
      "programme": {
        "monthlyJobEntryRate": 0.029285530376777613,
        "monthlyOtherExitRate": 0.004
      },
      "counterfactual": {
        "monthlyJobEntryRate": 0.005143012831822946,
        "monthlyOtherExitRate": 0.004
      }
    }
  ],
  "work": {
    "partTimeShare": 0.35,
    "partTimeBenefitShare": 0.5,
    "lksShare": 0.3,
    "lksMonthlyAmount": 1022.58,
    "fallbackHazard": [
      {
        "fromMonthsInWork": 0,
        "monthlyRate": 0.03253415444569019
      },
      {
        "fromMonthsInWork": 6,
        "monthlyRate": 0.010779243747307432
      }
    ]
  },
  "counterfactual": {
    "method": "rates"
  },
  "payment": {
    "triggers": [
      {
        "id": "twaalfMaandenWerk",
        "kind": "sustained",
        "months": 12,
        "price": {
          "bands": [
            {
              "minMonthsOnBenefit": 0,
              "price": 5000
            },
            {
              "minMonthsOnBenefit": 24,
              "price": 7500
            },
            {
              "minMonthsOnBenefit": 60,
              "price": 10000
            }
          ]
        },
        "payee": "provider",
        "lagMonths": 2
      }
    ],
    "caps": {
      "perYear": 600000,
      "total": 1500000,
      "carryForwardYearly": true
    }
  },
  "payer": {
    "ownCostsOneOff": 25000,
    "ownCostsPerMonth": 1500
  },
  "provider": {
    "costPerParticipantMonth": 200,
    "costPerPlacement": 500,
    "fixedCostPerMonth": 2000
  },
  "money": {
    "discountRate": 0.0225,
    "benefitIndexation": 0,
    "priceIndexation": 0,
    "costIndexation": 0
  }
};
